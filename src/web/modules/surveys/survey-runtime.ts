/**
 * What the questionnaire needs once a code is entered: SurveyJS (model and React UI, German texts, styles)
 * and the map question. A chunk of its own, so the code form loads without it (slow mobile connections).
 */
import 'survey-core/survey-core.fontless.min.css';
import 'survey-core/i18n/german';
export { QuestionFearPlacesModel } from './fear-places.js';

export { Model } from 'survey-core';
export { Survey } from 'survey-react-ui';
