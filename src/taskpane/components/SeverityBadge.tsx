import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ErrorCircle20Filled, Info20Filled, Warning20Filled } from "@fluentui/react-icons";
import type { Severity } from "../../engine/findings";
import { useStrings } from "../i18n";

const useStyles = makeStyles({
  root: {
    display: "inline-flex",
    alignItems: "center",
    gap: "4px",
    fontWeight: tokens.fontWeightSemibold,
    flexShrink: 0,
  },
  // At least 4.5:1 on the background and on its hover shade, light and dark (Danger 1 is only
  // 4.2:1 on dark #292929; Danger 3 is 6.1:1 light, 7.7:1 dark).
  error: { color: tokens.colorStatusDangerForeground3 },
  warning: { color: tokens.colorStatusWarningForeground1 },
  info: { color: tokens.colorNeutralForeground2 },
  // A count of none is no alarm: neither the severity's colour nor its icon ("0 fel" was the
  // only red on the screen).
  none: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightRegular },
});

const ICONS = { error: ErrorCircle20Filled, warning: Warning20Filled, info: Info20Filled };

/** Severity as icon, colour and word together: never colour alone. A zero count is plain text. */
export function SeverityBadge({ severity, count }: { severity: Severity; count?: number }) {
  const styles = useStyles();
  const strings = useStrings();
  const Icon = ICONS[severity];
  const label = count === undefined ? strings.severity[severity] : strings.severityCount[severity](count);
  const none = count === 0;
  return (
    <span
      className={mergeClasses(styles.root, none ? styles.none : styles[severity])}
      data-severity={severity}
      data-count={count}
    >
      {!none && <Icon aria-hidden />}
      <span>{label}</span>
    </span>
  );
}
