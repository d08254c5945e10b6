/** Text files bundled as strings (webpack `asset/source`): the playground's seed rows. */
declare module "*.txt" {
  const text: string;
  export default text;
}
