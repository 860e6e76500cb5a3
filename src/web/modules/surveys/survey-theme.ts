/**
 * The SurveyJS theme from the app's own font and colours (styles.css), so the survey looks like the rest of
 * the site: SurveyJS's default font (Open Sans) is not shipped and would fall back to a serif.
 */
export function appTheme() {
  const root = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => root.getPropertyValue(name).trim() || fallback;
  const brand = v('--brand', '#0b4f8a');
  return {
    themeName: 'asskomm', colorPalette: 'light', isPanelless: false,
    cssVariables: {
      '--sjs2-typography-font-family-text': getComputedStyle(document.body).fontFamily,
      '--sjs2-color-project-brand-400': brand, '--sjs2-color-project-brand-600': brand,
      '--sjs2-color-project-brand-700': v('--brand-dark', '#083a66'), '--sjs2-color-project-brand-800': v('--brand-dark', '#083a66'),
      '--sjs2-color-fg-basic-primary': v('--ink', '#1b1b1b'),
      '--sjs-general-backcolor-dim': v('--bg-soft', '#f2f4f7'),
    },
  };
}
