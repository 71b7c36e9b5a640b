/**
 * Starting queued jobs the moment they exist: {@link
 * com.tradingbacktest.app.common.jobs.JobWakeups} wakes JobRunr's background server in every
 * process that runs jobs, locally and through PostgreSQL NOTIFY, instead of leaving the jobs to its
 * next poll. JobRunr stays the queue.
 */
package com.tradingbacktest.app.common.jobs;
