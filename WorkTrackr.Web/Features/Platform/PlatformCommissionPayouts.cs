using WorkTrackr.Web.Features.Resellers;
using WorkTrackr.Web.Infrastructure;

namespace WorkTrackr.Web.Features.Platform;

/// <summary>The Platform admin pays resellers' ended months, through <see cref="PlatformService"/>.</summary>
public sealed class PlatformCommissionPayouts(PlatformService platform) : ICommissionPayouts
{
    public Task<Result> MarkPaidAsync(Guid resellerId, DateOnly month, CancellationToken cancellationToken = default) =>
        platform.MarkCommissionPaidAsync(resellerId, month, cancellationToken: cancellationToken);
}
