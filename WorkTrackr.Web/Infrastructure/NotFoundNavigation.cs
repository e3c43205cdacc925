using Microsoft.AspNetCore.Components;

namespace WorkTrackr.Web.Infrastructure;

public static class NotFoundNavigation
{
    /// <summary>
    /// When <paramref name="result"/> says the page's record is not there (it never was, was deleted, or belongs to
    /// another organisation, which the tenant filter hides), tells the router so (<see cref="NavigationManager.NotFound"/>):
    /// the first render, the prerender, answers with status 404 and the app's not-found page, and an interactive render
    /// shows the same page. Returns whether it did, so the page can stop there.
    /// </summary>
    public static bool NotFoundIfMissing(this NavigationManager navigation, Result result)
    {
        if (result.Status != ResultStatus.NotFound) return false;
        navigation.NotFound();
        return true;
    }
}
