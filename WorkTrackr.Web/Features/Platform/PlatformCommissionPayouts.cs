using WorkTrackr.Web.Features.Resellers;
using WorkTrackr.Web.Infrastructure;

namespace WorkTrackr.Web.Features.Platform;

/// <summary>The Platform admin pays resellers' ended months, through <see cref="PlatformResellers"/>.</summary>
public sealed class PlatformCommissionPayouts(PlatformResellers resellers) : ICommissionPayouts
{
    public Task<Result> MarkPaidAsync(Guid resellerId, DateOnly month, CancellationToken cancellationToken = default) =>
        resellers.MarkCommissionPaidAsync(resellerId, month, cancellationToken: cancellationToken);
}
