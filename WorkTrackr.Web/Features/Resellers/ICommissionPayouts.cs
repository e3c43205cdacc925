using WorkTrackr.Web.Infrastructure;

namespace WorkTrackr.Web.Features.Resellers;

/// <summary>
/// Paying a reseller's ended month, which the Platform admin does from the reseller's page. The Platform feature, which
/// manages resellers, provides it (PlatformModule), so the reseller portal never depends on Platform.
/// </summary>
public interface ICommissionPayouts
{
    /// <summary>Marks the reseller's commission for <paramref name="month"/> paid today.</summary>
    Task<Result> MarkPaidAsync(Guid resellerId, DateOnly month, CancellationToken cancellationToken = default);
}
