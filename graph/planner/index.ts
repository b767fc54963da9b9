/** graph/planner: plans, buckets, tasks and task details of the SMS group. */
export {
  getGroupPlans,
  createPlan,
  getBuckets,
  createBucket,
  createTask,
  getTask,
  deleteTask,
  updateTask,
  getTaskDetails,
  updateTaskDetails,
  getMyTasks,
  getPlanTasks,
  getBucketTasks,
  plannerAssignment,
  type WithETag,
} from './planner.js';
export { referenceKey, referenceUrl, plannerExternalReference, plannerReferences, type PlannerLink, type PlannerReferenceType } from './references.js';
export { bucketsRequest, getTaskRequest, groupPlansRequest, planTasksRequest, updateTaskRequest } from './batchRequests.js';
