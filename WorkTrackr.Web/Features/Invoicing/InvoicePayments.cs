using WorkTrackr.Data.Common;
using WorkTrackr.Data.Invoicing;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Jobs;
using WorkTrackr.Web.Infrastructure.Operations;

namespace WorkTrackr.Web.Features.Invoicing;

/// <summary>What happens to an issued invoice: it is paid, or voided. Either way its PDF is made again to say so.</summary>
public sealed class InvoicePayments(RecordOperations operations, TimeProvider clock, IJobTrigger jobs)
{
    public Task<Result> MarkPaidAsync(Guid id, DateOnly paidOn, Guid expectedVersion, CancellationToken cancellationToken = default) =>
        operations.ChangeAsync(new Change<Invoice>(Capabilities.ManageInvoices, id)
        {
            What = Invoices.What,
            ExpectedVersion = expectedVersion,
            Validate = async op => op.Row.Status is not (InvoiceStatus.Issued or InvoiceStatus.Overdue)
                ? await Steps.Check((true, "", $"Only an issued invoice can be paid; this one is {op.Row.Status.ToString().ToLowerInvariant()}."))
                : await Steps.Check(
                    (paidOn < op.Row.IssueDate, PaidOn, "The payment date cannot be before the invoice was issued."),
                    (paidOn > await Invoices.TodayAsync(op.Db, clock, op.CancellationToken), PaidOn, "The payment date cannot be in the future.")),
            Apply = async op =>
            {
                op.Row.Status = InvoiceStatus.Paid;
                op.Row.PaidOn = paidOn;
                // The PDF is made again in the same save: it shows the payment.
                await InvoiceDocuments.RequeueTrackedAsync(op.Db, id, clock.GetUtcNow().UtcDateTime, op.CancellationToken);
            },
            AfterCommit = _ => jobs.RunNowAsync(InvoicePdfJob.Job),
        }, cancellationToken);

    /// <summary>Voids an issued invoice: it keeps its number and document, marked void. A corrected invoice is a new draft (<see cref="InvoiceDrafts.CopyAsync"/>).</summary>
    public Task<Result> VoidAsync(Guid id, string reason, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        reason = reason.Trim();
        return operations.ChangeAsync(new Change<Invoice>(Capabilities.ManageInvoices, id)
        {
            What = Invoices.What,
            ExpectedVersion = expectedVersion,
            Validate = op => Steps.Check(
                (reason.Length == 0, Reason, "Say why the invoice is void; it is kept with it."),
                (reason.Length > DataLimits.ReasonLength, Reason, DataLimits.TooLongMessage(DataLimits.ReasonLength)),
                (op.Row.Status is not (InvoiceStatus.Issued or InvoiceStatus.Overdue), "", op.Row.Status == InvoiceStatus.Draft
                    ? "A draft has no number yet: delete it instead."
                    : $"Only an issued invoice can be voided; this one is {op.Row.Status.ToString().ToLowerInvariant()}.")),
            Apply = async op =>
            {
                op.Row.Status = InvoiceStatus.Void;
                op.Row.VoidedAt = clock.GetUtcNow().UtcDateTime;
                op.Row.VoidReason = reason;
                // The stored PDF would still read as payable: it is made again, in the same save.
                await InvoiceDocuments.RequeueTrackedAsync(op.Db, id, clock.GetUtcNow().UtcDateTime, op.CancellationToken);
            },
            AfterCommit = _ => jobs.RunNowAsync(InvoicePdfJob.Job),
        }, cancellationToken);
    }

    /// <summary>The field names the payment and void forms show errors beside.</summary>
    public const string PaidOn = nameof(PaidOn), Reason = nameof(Reason);
}
