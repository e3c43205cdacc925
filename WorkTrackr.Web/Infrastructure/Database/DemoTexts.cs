namespace WorkTrackr.Web.Infrastructure.Database;

/// <summary>
/// The demo's words, written to read like a New York area service business: towns it drives to, and the notes a
/// dispatcher and a technician would write. Bogus supplies names and streets; it has no such sentences.
/// </summary>
internal static class DemoTexts
{
    public static readonly (string Town, string State, string Zip)[] Towns =
    [
        ("Brooklyn", "NY", "112"), ("Queens", "NY", "113"), ("Bronx", "NY", "104"), ("Yonkers", "NY", "107"),
        ("White Plains", "NY", "106"), ("New Rochelle", "NY", "108"), ("Mount Vernon", "NY", "105"), ("Hempstead", "NY", "115"),
        ("Jersey City", "NJ", "073"), ("Hoboken", "NJ", "070"), ("Newark", "NJ", "071"), ("Fort Lee", "NJ", "076"),
        ("Stamford", "CT", "069"), ("Greenwich", "CT", "068"),
    ];

    /// <summary>New York City, its suburbs, northern New Jersey and Fairfield County.</summary>
    public static readonly string[] AreaCodes = ["212", "646", "718", "347", "914", "516", "201", "973", "203"];

    public static readonly string[] ContactNotes =
    [
        "Prefers visits before 10:00; the office is closed on Fridays.",
        "Billing questions go to the office manager, not the owner.",
        "Gate code is with reception; park at the rear loading bay.",
        "Pays by bank transfer on the 15th of each month.",
        "Asked for a quote to replace the server room UPS next year.",
        "Call ahead: the site has a sign-in and safety briefing.",
        "Key safe at the side entrance; the code is in the ticket notes.",
        "Prefers email over phone calls for anything non-urgent.",
    ];

    public static readonly string[] TicketDescriptions =
    [
        "Reported by the front desk this morning. Please check on site and leave a note of what was done.",
        "Second time this month. Look for the cause rather than resetting it again.",
        "The customer can give remote access until 17:00; after that a visit is needed.",
        "Part may need ordering; check stock before booking the visit.",
        "Affects the whole office. Keep the customer updated every two hours until it is fixed.",
        "Routine work from the maintenance plan. Book it with the site manager a day ahead.",
        "Raised by phone. The caller is the IT contact and is in the office until 16:00.",
        "Low priority unless it spreads to the other floors; then call the account manager.",
    ];

    public static readonly string[] EventNotes =
    [
        "Bring the renewal quote and last quarter's ticket summary.",
        "They want to add two sites next spring.",
        "Follow up on the open invoice before the call ends.",
        "Walk through the new maintenance plan and its response times.",
        "Check who signs off purchases over $5,000.",
        "Send the meeting notes to the office manager afterwards.",
    ];
}
