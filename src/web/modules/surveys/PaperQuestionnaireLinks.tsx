import type { TQuestionnaire } from '../../../modules/surveys/surveys.types.js';
import { useText } from './messages.js';

/** Downloads of the printable questionnaire (frozen only): the form the letters enclose and paper entry keys. */
export function PaperQuestionnaireLinks({ projectId, questionnaire }: { projectId: string; questionnaire: TQuestionnaire }) {
  const { t } = useText();
  if (questionnaire.status !== 'frozen') return null;
  return (
    <section aria-labelledby="paper-questionnaire" className="card">
      <h2 id="paper-questionnaire">{t('paper.printable')}</h2>
      <p>{t('paper.printableHint')}</p>
      <ul className="plain">{questionnaire.paperLanguages.map((lang) => (
        <li key={lang}><a href={`/api/analyses/${projectId}/questionnaire.pdf?lang=${lang}`} download>{t(lang === 'en' ? 'paper.pdf.en' : 'paper.pdf.de')}</a></li>
      ))}</ul>
    </section>
  );
}
