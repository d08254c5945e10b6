// Shape of the `yo office` React template, without its IE11 leftovers.
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const urlDev = "https://localhost:3000/";
// Where the add-in is hosted in production. CHANGE THIS (or set MALKOLL_URL_PROD) before deploying.
const urlProd = process.env.MALKOLL_URL_PROD || "https://www.contoso.com/";

const commandsEntry = "./src/commands/commands.ts";
const commandsTemplate = "./src/commands/commands.html";
const hasCommands = fs.existsSync(path.resolve(__dirname, commandsEntry));

/** Office's dev certificates, only when `office-addin-dev-certs install` has already created them. */
function devServerTransport() {
  try {
    const { certificateDirectory } = require("office-addin-dev-certs/lib/defaults");
    const file = (name) => path.join(certificateDirectory, name);
    if (["ca.crt", "localhost.crt", "localhost.key"].every((n) => fs.existsSync(file(n)))) {
      return {
        type: "https",
        options: {
          ca: fs.readFileSync(file("ca.crt")),
          cert: fs.readFileSync(file("localhost.crt")),
          key: fs.readFileSync(file("localhost.key")),
        },
      };
    }
  } catch {
    // fall through to http
  }
  console.warn(
    "Målkoll: no Office dev certificates (run `npx office-addin-dev-certs install`); serving http – playground only.",
  );
  return "http";
}

/** Prints and records the gzip size of each HTML entry's initial JS (the task pane's budget is 200 KB). */
class InitialSizePlugin {
  apply(compiler) {
    compiler.hooks.emit.tap("InitialSizePlugin", (compilation) => {
      const report = {};
      for (const [name, entrypoint] of compilation.entrypoints) {
        let raw = 0;
        let gzip = 0;
        for (const file of entrypoint.getFiles().filter((f) => f.endsWith(".js"))) {
          const source = compilation.assets[file].source();
          const buffer = Buffer.isBuffer(source) ? source : Buffer.from(source);
          raw += buffer.length;
          gzip += zlib.gzipSync(buffer, { level: 9 }).length;
        }
        report[name] = { raw, gzip };
        console.log(`Målkoll: initial JS of '${name}': ${(raw / 1024).toFixed(1)} KB, ${(gzip / 1024).toFixed(1)} KB gzip`);
      }
      const json = JSON.stringify(report, null, 2);
      compilation.emitAsset("bundle-size.json", new compiler.webpack.sources.RawSource(json));
    });
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const entry = {
    taskpane: "./src/taskpane/index.tsx",
    playground: "./src/playground/index.tsx",
  };
  if (hasCommands) entry.commands = commandsEntry;

  const htmlPages = [
    new HtmlWebpackPlugin({
      filename: "taskpane.html",
      template: "./src/taskpane/taskpane.html",
      chunks: ["taskpane"],
    }),
    new HtmlWebpackPlugin({
      filename: "playground.html",
      template: "./src/playground/playground.html",
      chunks: ["playground"],
    }),
  ];
  if (hasCommands) {
    const ownTemplate = fs.existsSync(path.resolve(__dirname, commandsTemplate));
    htmlPages.push(
      new HtmlWebpackPlugin({
        filename: "commands.html",
        chunks: ["commands"],
        ...(ownTemplate
          ? { template: commandsTemplate }
          : {
              templateContent:
                '<!doctype html><html><head><meta charset="UTF-8" />' +
                '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>' +
                "</head><body></body></html>",
            }),
      }),
    );
  }

  return {
    devtool: dev ? "source-map" : false, // no eval: the pages' CSP forbids it
    entry,
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // The .xlsx reader the playground shares with the CLI inflates with Node's zlib where it
      // exists (ports/xlsx/zipReader.ts); in the browser the module is empty and JSZip inflates.
      fallback: { zlib: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext" } } },
        },
        // The report stage has no side effects on import: the task pane loads it when it makes
        // tables (app/run.ts imports it on demand), not in its initial JS.
        { test: /[\\/]src[\\/]engine[\\/]report[\\/]/, sideEffects: false },
        // The playground bundles seed fixture text as strings.
        { test: /\.txt$/, type: "asset/source" },
        {
          test: /\.(png|jpg|jpeg|gif|ico|svg)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext][query]" },
        },
      ],
    },
    optimization: dev
      ? undefined
      : {
          splitChunks: {
            cacheGroups: {
              // The pane's and the playground's libraries (React, Fluent UI). The ribbon command uses
              // none of them: in the shared chunk it loaded them all on every click.
              vendor: {
                test: /[\\/]node_modules[\\/]/,
                name: "vendor",
                chunks: (chunk) => chunk.canBeInitial() && chunk.name !== "commands",
              },
              // ExcelJS for the playground's file picker: loaded only when Målkoll's own reader cannot
              // parse a picked file's XML (ports/xlsx/browser.ts).
              playgroundXlsx: {
                test: /[\\/]node_modules[\\/]exceljs[\\/]/,
                name: "playground-xlsx-lib",
                chunks: "async",
              },
            },
          },
        },
    performance: {
      hints: dev ? false : "warning",
      maxEntrypointSize: 700 * 1024,
      maxAssetSize: 700 * 1024,
      // ExcelJS, the playground's fallback .xlsx reader, loads only when the XML needs it.
      assetFilter: (file) => file.endsWith(".js") && !file.startsWith("playground-xlsx"),
    },
    plugins: [
      ...htmlPages,
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext][query]", noErrorOnMissing: true },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            noErrorOnMissing: true,
            transform(content) {
              return dev ? content : content.toString().replace(new RegExp(urlDev, "g"), urlProd);
            },
          },
        ],
      }),
      ...(dev ? [] : [new InitialSizePlugin()]),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: dev ? devServerTransport() : "http",
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      client: { overlay: { warnings: false } },
    },
  };
};
