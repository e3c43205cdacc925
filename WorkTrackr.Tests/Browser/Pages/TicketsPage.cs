using Microsoft.Playwright;

namespace WorkTrackr.Tests.Browser.Pages;

/// <summary>The ticket list (tickets): quick views, filters that live in the address, and the grid.</summary>
public sealed class TicketsPage(IPage page)
{
    public ILocator Grid => page.GetByTestId("ticket-grid");

    /// <summary>The grid's ticket rows (not its header, nor its empty note): the rows with a ticket's number link.</summary>
    public ILocator Rows => ComponentLibrary.MudTableRows(Grid, page.GetByTestId("ticket-number"));

    /// <summary>The title cell of each row.</summary>
    public ILocator Titles => Grid.GetByTestId("ticket-title");

    public ILocator NewTicket => page.GetByTestId("new-ticket");
    /// <summary>The search box: a MudTextField puts its test id on the input itself.</summary>
    public ILocator FilterText => page.GetByTestId("filter-text");
    public ILocator Empty => page.GetByTestId("tickets-empty");

    /// <summary>The assignee of each row, trimmed.</summary>
    public async Task<IReadOnlyList<string>> AssigneesAsync() =>
        (await Rows.GetByTestId("ticket-assignee").AllInnerTextsAsync()).Select(a => a.Trim()).ToList();

    public async Task ChooseViewAsync(string view) =>
        await ComponentLibrary.MudToggleItem(page.GetByTestId("quick-views"), view).ClickAsync();

    /// <summary>Types <paramref name="text"/> into the search box and applies it.</summary>
    public async Task SearchAsync(string text)
    {
        await FilterText.FillAsync(text);
        await FilterText.PressAsync("Enter");
    }
}
