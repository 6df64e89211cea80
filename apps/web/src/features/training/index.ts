export { trainingKeys } from './api/training.keys';
export { trainingRequestQueryOptions, useTrainingRequest } from './api/get-training-request';
export { parseTrainingListParams, trainingListParamsToSearch, type TrainingListParams } from './training-params';
export { TrainingBoard } from './components/training-board';
export { TrainingSectionLinks } from './components/training-section-links';
export { NewTrainingRequestForm } from './components/new-training-request-form';
export {
  TrainingRequestDetail,
  TRAINING_SECTIONS,
  trainingSections,
  type TrainingSection,
} from './components/training-request-detail';
