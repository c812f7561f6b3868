import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import type { WebhookSettings } from '../../config.js';
import type { EventListener } from '../../webhooks/outboxDispatcher.js';
import { safeRequest } from '../../webhooks/safeRequest.js';
import type { IntegrationLinkRepository } from '../integrationLinkRepository.js';
import { GREENHOUSE } from './greenhouseService.js';

interface CallbackJob {
  url: string;
  interviewId: string;
}

const callbackQueueName = (queueName: string) => `${queueName}-greenhouse`;

/** Retried like any infrastructure job: Greenhouse also polls test_status, so a lost callback only delays. */
export const createCallbackQueue = (queueName: string, connection: ConnectionOptions) =>
  new Queue<CallbackJob>(callbackQueueName(queueName), {
    connection,
    defaultJobOptions: { attempts: 15, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: true, removeOnFail: { age: 7 * 24 * 3600 } },
  });

/** On `invitation.completed` of an invitation Greenhouse sent, queue the PATCH to the URL it gave (once per event). */
export const callbackListener = (links: Pick<IntegrationLinkRepository, 'get'>, queue: Queue<CallbackJob>): EventListener => async (ev) => {
  if (ev.type !== 'invitation.completed') return;
  const interviewId = String(ev.data.invitationId);
  const link = await links.get(ev.ownerId, GREENHOUSE, interviewId);
  if (link?.callbackUrl) await queue.add('callback', { url: link.callbackUrl, interviewId }, { jobId: `gh.${ev.id}` });
};

/** Tells Greenhouse a test is done; it then asks test_status for the result. Anything but a 2xx is retried. */
export function startCallbackWorker(queueName: string, connection: ConnectionOptions, settings: WebhookSettings): Worker<CallbackJob> {
  return new Worker<CallbackJob>(callbackQueueName(queueName), async (job) => {
    const res = await safeRequest(job.data.url, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', 'user-agent': 'Assay-Greenhouse/1' },
      body: JSON.stringify({ partner_interview_id: job.data.interviewId, partner_status: 'complete' }),
      connectTimeoutMs: settings.connectTimeoutMs,
      timeoutMs: settings.timeoutMs,
      allowPrivate: settings.allowPrivateUrls,
    });
    if (res.statusCode < 200 || res.statusCode >= 300) throw new Error(`Greenhouse answered ${res.statusCode}`);
  }, { connection, concurrency: 4 });
}
