import { z } from 'zod';

/**
 * A strict check of Adaptive Card schema 1.5, for the elements, actions and properties that the
 * 1.5 JSON schema defines (no copy of Microsoft's schema file is available offline). It catches
 * what the `adaptivecards` parser lets through: a missing or other `version`, elements and
 * properties from later versions or unknown to the schema (every object is strict), and values of
 * the wrong type (`wrap: "yes"`). Enum values are compared without regard to case, as the 1.5
 * schema does ("none" and "None" are both valid).
 *
 * An element or property a card needs that is valid 1.5 but missing here: add it here, with the
 * same type the 1.5 schema gives it.
 */

/** One of the schema's enum values, in any casing. */
const oneOf = (values: readonly [string, ...string[]]) =>
  z.string().refine((value) => values.some((v) => v.toLowerCase() === value.toLowerCase()), { message: `must be one of ${values.join(', ')}` });

const spacing = oneOf(['None', 'Small', 'Default', 'Medium', 'Large', 'ExtraLarge', 'Padding']);
const blockHeight = oneOf(['auto', 'stretch']);
const horizontalAlignment = oneOf(['Left', 'Center', 'Right']);
const verticalAlignment = oneOf(['Top', 'Center', 'Bottom']);
const containerStyle = oneOf(['default', 'emphasis', 'good', 'attention', 'warning', 'accent']);
const color = oneOf(['Default', 'Dark', 'Light', 'Accent', 'Good', 'Warning', 'Attention']);
const fontSize = oneOf(['Default', 'Small', 'Medium', 'Large', 'ExtraLarge']);
const fontWeight = oneOf(['Default', 'Lighter', 'Bolder']);
const fontType = oneOf(['Default', 'Monospace']);
const pixels = z.string().regex(/^\d+px$/, 'must be a pixel size like "50px"');
const url = z.string().min(1);
const backgroundImage = z.union([
  url,
  z.strictObject({
    url,
    fillMode: oneOf(['cover', 'repeatHorizontally', 'repeatVertically', 'repeat']).optional(),
    horizontalAlignment: horizontalAlignment.optional(),
    verticalAlignment: verticalAlignment.optional(),
  }),
]);

// Recursive references, resolved once everything below is defined.
const element: z.ZodType = z.lazy(() => Element);
const action: z.ZodType = z.lazy(() => Action);
const selectAction: z.ZodType = z.lazy(() => SelectAction);
const nestedCard: z.ZodType = z.lazy(() => NestedCard);

/** Properties every body element has (ToggleableItem + Element in the schema). */
const elementBase = {
  id: z.string().optional(),
  isVisible: z.boolean().optional(),
  requires: z.record(z.string(), z.string()).optional(),
  separator: z.boolean().optional(),
  spacing: spacing.optional(),
  height: blockHeight.optional(),
  fallback: z.union([z.literal('drop'), element]).optional(),
};

const textBlock = z.strictObject({
  ...elementBase,
  type: z.literal('TextBlock'),
  text: z.string(),
  color: color.optional(),
  fontType: fontType.optional(),
  horizontalAlignment: horizontalAlignment.optional(),
  isSubtle: z.boolean().optional(),
  maxLines: z.number().int().positive().optional(),
  size: fontSize.optional(),
  weight: fontWeight.optional(),
  wrap: z.boolean().optional(),
  style: oneOf(['default', 'heading']).optional(),
});

const textRun = z.strictObject({
  type: z.literal('TextRun'),
  text: z.string(),
  color: color.optional(),
  fontType: fontType.optional(),
  highlight: z.boolean().optional(),
  isSubtle: z.boolean().optional(),
  italic: z.boolean().optional(),
  selectAction: selectAction.optional(),
  size: fontSize.optional(),
  strikethrough: z.boolean().optional(),
  underline: z.boolean().optional(),
  weight: fontWeight.optional(),
});

const richTextBlock = z.strictObject({
  ...elementBase,
  type: z.literal('RichTextBlock'),
  inlines: z.array(z.union([textRun, z.string()])),
  horizontalAlignment: horizontalAlignment.optional(),
});

const image = z.strictObject({
  ...elementBase,
  type: z.literal('Image'),
  url,
  altText: z.string().optional(),
  backgroundColor: z.string().optional(),
  height: z.union([pixels, blockHeight]).optional(),
  horizontalAlignment: horizontalAlignment.optional(),
  selectAction: selectAction.optional(),
  size: oneOf(['Auto', 'Stretch', 'Small', 'Medium', 'Large']).optional(),
  style: oneOf(['Default', 'Person']).optional(),
  width: pixels.optional(),
});

const containerProps = {
  selectAction: selectAction.optional(),
  style: containerStyle.optional(),
  verticalContentAlignment: verticalAlignment.optional(),
  bleed: z.boolean().optional(),
  backgroundImage: backgroundImage.optional(),
  minHeight: pixels.optional(),
  rtl: z.boolean().optional(),
};

const container = z.strictObject({ ...elementBase, ...containerProps, type: z.literal('Container'), items: z.array(element) });

const column = z.strictObject({
  ...elementBase,
  ...containerProps,
  type: z.literal('Column').optional(),
  items: z.array(element).optional(),
  fallback: z.union([z.literal('drop'), z.lazy((): z.ZodType => column)]).optional(),
  width: z.union([oneOf(['auto', 'stretch']), pixels, z.number().positive()]).optional(),
});

const columnSet = z.strictObject({
  ...elementBase,
  type: z.literal('ColumnSet'),
  columns: z.array(column).optional(),
  selectAction: selectAction.optional(),
  style: containerStyle.optional(),
  bleed: z.boolean().optional(),
  minHeight: pixels.optional(),
  horizontalAlignment: horizontalAlignment.optional(),
});

const factSet = z.strictObject({ ...elementBase, type: z.literal('FactSet'), facts: z.array(z.strictObject({ title: z.string(), value: z.string() })) });

const imageSet = z.strictObject({ ...elementBase, type: z.literal('ImageSet'), images: z.array(image), imageSize: oneOf(['Auto', 'Stretch', 'Small', 'Medium', 'Large']).optional() });

const actionSet = z.strictObject({ ...elementBase, type: z.literal('ActionSet'), actions: z.array(action) });

const tableCell = z.strictObject({ ...containerProps, type: z.literal('TableCell'), items: z.array(element) });
const tableRow = z.strictObject({
  type: z.literal('TableRow'),
  cells: z.array(tableCell),
  style: containerStyle.optional(),
  horizontalCellContentAlignment: horizontalAlignment.optional(),
  verticalCellContentAlignment: verticalAlignment.optional(),
});
const table = z.strictObject({
  ...elementBase,
  type: z.literal('Table'),
  columns: z.array(z.strictObject({ width: z.union([pixels, z.number().positive()]).optional() })).optional(),
  rows: z.array(tableRow).optional(),
  firstRowAsHeader: z.boolean().optional(),
  showGridLines: z.boolean().optional(),
  gridStyle: containerStyle.optional(),
  horizontalCellContentAlignment: horizontalAlignment.optional(),
  verticalCellContentAlignment: verticalAlignment.optional(),
});

/** Every input needs an id (the parser checks uniqueness). */
const inputBase = {
  ...elementBase,
  id: z.string().min(1),
  errorMessage: z.string().optional(),
  isRequired: z.boolean().optional(),
  label: z.string().optional(),
};

const inputText = z.strictObject({
  ...inputBase,
  type: z.literal('Input.Text'),
  isMultiline: z.boolean().optional(),
  maxLength: z.number().int().positive().optional(),
  placeholder: z.string().optional(),
  regex: z.string().optional(),
  style: oneOf(['Text', 'Tel', 'Url', 'Email', 'Password']).optional(),
  inlineAction: selectAction.optional(),
  value: z.string().optional(),
});
const inputNumber = z.strictObject({
  ...inputBase,
  type: z.literal('Input.Number'),
  max: z.number().optional(),
  min: z.number().optional(),
  placeholder: z.string().optional(),
  value: z.number().optional(),
});
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');
const isoTime = z.string().regex(/^\d{2}:\d{2}$/, 'must be HH:mm');
const inputDate = z.strictObject({ ...inputBase, type: z.literal('Input.Date'), max: isoDate.optional(), min: isoDate.optional(), placeholder: z.string().optional(), value: isoDate.optional() });
const inputTime = z.strictObject({ ...inputBase, type: z.literal('Input.Time'), max: isoTime.optional(), min: isoTime.optional(), placeholder: z.string().optional(), value: isoTime.optional() });
const inputToggle = z.strictObject({
  ...inputBase,
  type: z.literal('Input.Toggle'),
  title: z.string(),
  value: z.string().optional(),
  valueOff: z.string().optional(),
  valueOn: z.string().optional(),
  wrap: z.boolean().optional(),
});
const inputChoiceSet = z.strictObject({
  ...inputBase,
  type: z.literal('Input.ChoiceSet'),
  choices: z.array(z.strictObject({ title: z.string(), value: z.string() })).optional(),
  isMultiSelect: z.boolean().optional(),
  style: oneOf(['compact', 'expanded', 'filtered']).optional(),
  value: z.string().optional(),
  placeholder: z.string().optional(),
  wrap: z.boolean().optional(),
});

const Element: z.ZodType = z.discriminatedUnion('type', [
  textBlock,
  richTextBlock,
  image,
  imageSet,
  container,
  columnSet,
  factSet,
  actionSet,
  table,
  inputText,
  inputNumber,
  inputDate,
  inputTime,
  inputToggle,
  inputChoiceSet,
]);

const actionBase = {
  id: z.string().optional(),
  title: z.string().optional(),
  iconUrl: url.optional(),
  style: oneOf(['default', 'positive', 'destructive']).optional(),
  fallback: z.union([z.literal('drop'), action]).optional(),
  tooltip: z.string().optional(),
  isEnabled: z.boolean().optional(),
  mode: oneOf(['primary', 'secondary']).optional(),
  requires: z.record(z.string(), z.string()).optional(),
};
const data = z.union([z.string(), z.record(z.string(), z.unknown())]);

const execute = z.strictObject({ ...actionBase, type: z.literal('Action.Execute'), verb: z.string().optional(), data: data.optional(), associatedInputs: oneOf(['Auto', 'None']).optional() });
const submit = z.strictObject({ ...actionBase, type: z.literal('Action.Submit'), data: data.optional(), associatedInputs: oneOf(['Auto', 'None']).optional() });
const openUrl = z.strictObject({ ...actionBase, type: z.literal('Action.OpenUrl'), url });
const toggleVisibility = z.strictObject({
  ...actionBase,
  type: z.literal('Action.ToggleVisibility'),
  targetElements: z.array(z.union([z.string(), z.strictObject({ elementId: z.string(), isVisible: z.boolean().optional() })])),
});
const showCard = z.strictObject({ ...actionBase, type: z.literal('Action.ShowCard'), card: nestedCard });

const Action: z.ZodType = z.discriminatedUnion('type', [execute, submit, openUrl, toggleVisibility, showCard]);
/** `selectAction` and `inlineAction` take any action except Action.ShowCard. */
const SelectAction: z.ZodType = z.discriminatedUnion('type', [execute, submit, openUrl, toggleVisibility]);

const cardProps = {
  type: z.literal('AdaptiveCard'),
  $schema: z.string().optional(),
  body: z.array(element).optional(),
  actions: z.array(action).optional(),
  selectAction: selectAction.optional(),
  fallbackText: z.string().optional(),
  backgroundImage: backgroundImage.optional(),
  minHeight: pixels.optional(),
  rtl: z.boolean().optional(),
  speak: z.string().optional(),
  lang: z.string().regex(/^[a-z]{2}(-[A-Za-z]{2})?$/).optional(),
  verticalContentAlignment: verticalAlignment.optional(),
};

/** A card inside Action.ShowCard: same shape, the version comes from the outer card. */
const NestedCard = z.strictObject({ ...cardProps, version: z.literal('1.5').optional() });

/** The card a bot sends: version 1.5 exactly (Teams' highest), with Teams' refresh and msteams extensions. */
export const AdaptiveCard15 = z.strictObject({
  ...cardProps,
  version: z.literal('1.5'),
  refresh: z.strictObject({ action: execute, userIds: z.array(z.string()).max(60, 'Teams refreshes per user for at most 60 users').optional() }).optional(),
  msteams: z.strictObject({ width: z.literal('Full').optional(), entities: z.array(z.record(z.string(), z.unknown())).optional() }).optional(),
});

/** Every departure from the 1.5 schema as "path: message", [] when there is none. */
export function schemaProblems(card: unknown): string[] {
  const result = AdaptiveCard15.safeParse(card);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join('.') || '(card)'}: ${issue.message}`);
}
