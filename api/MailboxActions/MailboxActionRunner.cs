using MailAssist.Api.Data;
using Microsoft.Extensions.Options;

namespace MailAssist.Api.MailboxActions;

/// <summary>
/// Carries out a decision's action in the mailbox exactly once: one attempt at a time holds the claim, the
/// forward is recorded as started before it is sent and never sent again once it may have gone out, and the
/// other steps (category, move) check the message before they change it. Runs within the decision request,
/// bounded by Graph__TotalTimeout, so the pane can show the outcome.
/// </summary>
public sealed class MailboxActionRunner(
    MailboxActionStore store, IMailbox mailbox, IOptions<GraphOptions> options, TimeProvider time, ILogger<MailboxActionRunner> logger)
{
    private const string InProgress = "in_progress";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LeaseMargin = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Runs the decision's action (created pending when it has none yet), or waits for the attempt another request
    /// or instance is making, and returns how it stands. Not cancelled with the request: a client that goes away
    /// (a lost response) should find the job finished.
    /// </summary>
    public async Task<MailboxActionState> RunAsync(Guid mailboxId, ActionRun run)
    {
        await store.EnsureAsync(run.DecisionId, mailboxId, run.MessageId, CancellationToken.None);
        var budget = options.Value.TotalTimeout;
        using var deadline = new CancellationTokenSource(budget, time);
        while (true)
        {
            if (await store.TryClaimAsync(run, budget + LeaseMargin, CancellationToken.None) is { } claim)
                return await CarryOutAsync(claim, run, deadline.Token);
            var state = await store.FindAsync(run.DecisionId, CancellationToken.None)
                ?? throw new InvalidOperationException("The decision has no mailbox action.");
            if (state.Status != InProgress || deadline.IsCancellationRequested) return state;
            try
            {
                await Task.Delay(PollInterval, time, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                // The budget ran out while another attempt works: report it as in progress.
            }
        }
    }

    private async Task<MailboxActionState> CarryOutAsync(ClaimedAction claim, ActionRun run, CancellationToken budget)
    {
        var requestIds = new List<string>();
        var plan = MailboxActionPlan.For(claim);
        var forwarding = false;
        string? error = null;
        try
        {
            if (claim.ForwardStartedAt is not null && claim.ForwardedAt is null && !run.Resend)
                throw new MailboxActionException(MailboxErrors.Uncertain);
            var message = await mailbox.OpenAsync(
                new MessageLocator(claim.MailboxId, claim.MailboxAddress, claim.MessageKey, claim.MessageId, run.UserAccessToken, requestIds), budget);
            await store.RecordAsync(claim.DecisionId, new ActionProgress(MessageId: message.Id), CancellationToken.None);

            if (plan.Forward is { } forward && claim.ForwardedAt is null)
            {
                if (!await store.BeginForwardAsync(claim, CancellationToken.None))
                    return (await store.FindAsync(claim.DecisionId, CancellationToken.None))!;
                forwarding = true;
                try
                {
                    await message.ForwardAsync(forward.To, forward.Comment, budget);
                }
                catch (MailboxActionException e) when (!e.MaybeSent)
                {
                    await store.ForwardNotSentAsync(claim, CancellationToken.None);
                    throw;
                }
                forwarding = false;
                await store.RecordAsync(claim.DecisionId, new ActionProgress(ForwardedTo: forward.To), CancellationToken.None);
            }

            if (!message.Categories.Contains(plan.Category))
                await message.SetCategoriesAsync([.. message.Categories, plan.Category], budget);
            await store.RecordAsync(claim.DecisionId, new ActionProgress(Category: plan.Category), CancellationToken.None);

            await message.MoveAsync(plan.MoveTo, budget);
            await store.RecordAsync(claim.DecisionId, new ActionProgress(MovedTo: plan.MoveTo.Name), CancellationToken.None);
        }
        catch (MailboxActionException e)
        {
            error = e.MaybeSent ? MailboxErrors.Uncertain : e.Code;
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            error = forwarding ? MailboxErrors.Uncertain : MailboxErrors.Unavailable;
        }
        catch (Exception e) when (!DatabaseErrors.IsUnavailable(e))
        {
            logger.LogError("Mailbox action {DecisionId} failed unexpectedly: {ExceptionType}", claim.DecisionId, e.GetType().Name);
            error = forwarding ? MailboxErrors.Uncertain : MailboxErrors.Unexpected;
        }

        var state = await store.FinishAsync(claim, error, requestIds, CancellationToken.None);
        if (error is null)
            logger.LogInformation("Mailbox action {DecisionId} done ({Action}, attempt {Attempt})", claim.DecisionId, claim.Action, claim.Attempts);
        else
            logger.LogWarning("Mailbox action {DecisionId} failed: {Error} ({Action}, attempt {Attempt})", claim.DecisionId, error, claim.Action, claim.Attempts);
        return state;
    }
}
