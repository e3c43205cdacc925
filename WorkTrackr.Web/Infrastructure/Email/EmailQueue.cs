using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Notifications;
using WorkTrackr.Web.Infrastructure.Jobs;

namespace WorkTrackr.Web.Infrastructure.Email;

public static class EmailOutbox
{
    /// <summary>Adds a message to the queue, saved with the caller's other changes (in its transaction).</summary>
    public static void Queue(WorkTrackrDbContext db, Guid? organisationId, string to, string subject, string htmlBody, DateTime now) =>
        db.EmailMessages.Add(new EmailMessage { OrganisationId = organisationId, To = to, Subject = subject, HtmlBody = htmlBody, NextAttemptAt = now });
}

/// <summary>Queues the message and wakes the email job: the user's action is done once the row is saved.</summary>
public sealed class QueuedEmailSender(IServiceScopeFactory scopes, IJobTrigger jobs, TimeProvider clock) : IEmailSender
{
    public async Task SendAsync(string to, string subject, string htmlBody, CancellationToken cancellationToken = default)
    {
        await using (var scope = scopes.CreateAsyncScope())
        await using (var db = scope.ServiceProvider.GetRequiredService<JobDatabase>().Platform())
        {
            EmailOutbox.Queue(db, null, to, subject, htmlBody, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
        }
        await jobs.RunNowAsync(EmailJob.Job);
    }
}

/// <summary>Sends queued emails: claims each due message, hands it to the transport, and records the outcome; failures retry with back-off.</summary>
public sealed partial class EmailDeliveryWorker(JobDatabase database, IEmailTransport transport, TimeProvider clock, ILogger<EmailDeliveryWorker> logger)
{
    public const int BatchSize = 50;

    /// <summary>What a sent message's body becomes.</summary>
    public const string SentBody = "";

    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var sent = 0;
        await using var db = database.Platform();
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var due = await WorkQueue.Due(db.EmailMessages.AsNoTracking(), now).OrderBy(m => m.NextAttemptAt).Take(BatchSize)
                .Select(m => new { m.Id, m.Attempts, m.To, m.Subject, m.HtmlBody }).ToListAsync(cancellationToken);
            foreach (var message in due)
            {
                if (await WorkQueue.ClaimAsync(db.EmailMessages, message.Id, message.Attempts, clock.GetUtcNow().UtcDateTime, cancellationToken) is not { } claim) continue;
                try
                {
                    await transport.SendAsync(message.To, message.Subject, message.HtmlBody, cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogFailed(logger, exception, message.Id, message.To, claim.Attempt);
                    await WorkQueue.FailAsync(db.EmailMessages, claim, exception.Message, clock.GetUtcNow().UtcDateTime, CancellationToken.None);
                    continue;
                }
                var done = clock.GetUtcNow().UtcDateTime;
                // Sent: a crash before this line sends it again on the next claim (at least once, never lost).
                await WorkQueue.Held(db.EmailMessages, claim).ExecuteUpdateAsync(m => m
                    .SetProperty(x => x.State, WorkState.Done).SetProperty(x => x.CompletedAt, done).SetProperty(x => x.LeaseUntil, (DateTime?)null)
                    .SetProperty(x => x.LastError, (string?)null).SetProperty(x => x.UpdatedAt, done)
                    // A sent message keeps no body: it may hold a secret link (an invitation, a password reset).
                    .SetProperty(x => x.HtmlBody, SentBody), CancellationToken.None);
                sent++;
            }
            if (due.Count < BatchSize) break;
        }
        return sent;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {Message} to {To} failed on attempt {Attempt}")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid message, string to, int attempt);
}
