using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Organisations;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Operations;
using WorkTrackr.Web.Infrastructure.Tenancy;
using WorkTrackr.Web.Infrastructure.TimeZones;

namespace WorkTrackr.Web.Features.Administration;

public sealed class OrganisationSettingsInput
{
    [Required(ErrorMessage = "Enter the organisation's name.")]
    [StringLength(DataLimits.NameLength, ErrorMessage = DataLimits.TooLong)]
    public string Name { get; set; } = "";

    [StringLength(DataLimits.NameLength, ErrorMessage = DataLimits.TooLong)]
    public string? LegalName { get; set; }

    [StringLength(DataLimits.AddressLength, ErrorMessage = DataLimits.TooLong)]
    public string? Address { get; set; }

    [StringLength(DataLimits.TaxNumberLength, ErrorMessage = DataLimits.TooLong)]
    public string? TaxNumber { get; set; }

    [EmailAddress(ErrorMessage = "Enter an email address like accounts@example.com.")]
    [StringLength(DataLimits.EmailLength, ErrorMessage = DataLimits.TooLong)]
    public string? InvoiceEmail { get; set; }

    [StringLength(DataLimits.PhoneLength, ErrorMessage = DataLimits.TooLong)]
    public string? InvoicePhone { get; set; }

    public string TimeZoneId { get; set; } = "UTC";
    public string Currency { get; set; } = "USD";
}

/// <summary>The settings as the page opens them: the form, whether the currency may still change, and the logo.</summary>
public sealed record OrganisationSettingsView(OrganisationSettingsInput Input, bool CurrencyLocked, LogoView? Logo);

/// <summary>The logo as the page shows it: a data URI for an <c>img</c>, so no endpoint serves the file.</summary>
public sealed record LogoView(string Name, int Bytes, string DataUri);

/// <summary>
/// The organisation's own details (Admins): its name, how it heads its invoices (legal name, address, tax number,
/// email and phone, logo), its time zone and its currency. The currency is fixed once the organisation has an invoice:
/// every amount it holds is in it.
/// </summary>
public sealed class OrganisationSettings(RecordOperations operations, CurrentUser currentUser)
{
    public Task<Result<OrganisationSettingsView>> GetAsync(CancellationToken cancellationToken = default) =>
        operations.ReadAsync(Capabilities.ManageOrganisation, async (db, cancellationToken) =>
        {
            var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == db.CurrentOrganisationId, cancellationToken);
            var logo = await db.OrganisationLogos.AsNoTracking().Select(l => new { l.Name, l.ContentType, l.Content }).SingleOrDefaultAsync(cancellationToken);
            return new OrganisationSettingsView(new OrganisationSettingsInput
            {
                Name = organisation.Name, LegalName = organisation.LegalName, Address = organisation.Address, TaxNumber = organisation.TaxNumber,
                InvoiceEmail = organisation.InvoiceEmail, InvoicePhone = organisation.InvoicePhone, TimeZoneId = organisation.TimeZoneId, Currency = organisation.Currency,
            }, await db.Invoices.AnyAsync(cancellationToken),
                logo is null ? null : new LogoView(logo.Name, logo.Content.Length, DataUri(logo.ContentType, logo.Content)));
        }, cancellationToken);

    public Task<Result> SaveAsync(OrganisationSettingsInput input, CancellationToken cancellationToken = default) =>
        operations.ChangeAsync(new Change<Organisation>(Capabilities.ManageOrganisation, currentUser.OrganisationId ?? Guid.Empty)
        {
            What = "Your organisation",
            // Organisations are not tenant-filtered: the caller's own is the one row this may load.
            Query = db => db.Organisations.Where(o => o.Id == db.CurrentOrganisationId),
            Input = input,
            Validate = async op => await Steps.Check(
                (!TimeZones.IsValid(input.TimeZoneId), nameof(OrganisationSettingsInput.TimeZoneId), "Choose a time zone from the list."),
                // An organisation keeps a code it was given before the list (registration takes any three letters).
                (input.Currency != op.Row.Currency && !Currencies.IsValid(input.Currency), nameof(OrganisationSettingsInput.Currency), "Choose a currency from the list."),
                (input.Currency != op.Row.Currency && await op.Db.Invoices.AnyAsync(op.CancellationToken), nameof(OrganisationSettingsInput.Currency),
                    $"The currency stays {op.Row.Currency}: your invoices are in it. It can only change before the first invoice.")),
            Apply = Steps.Do<Organisation>(op =>
            {
                var organisation = op.Row;
                organisation.Name = input.Name.Trim();
                organisation.LegalName = Blank(input.LegalName);
                organisation.Address = Blank(input.Address);
                organisation.TaxNumber = Blank(input.TaxNumber);
                organisation.InvoiceEmail = Blank(input.InvoiceEmail);
                organisation.InvoicePhone = Blank(input.InvoicePhone);
                organisation.TimeZoneId = input.TimeZoneId;
                organisation.Currency = input.Currency;
            }),
        }, cancellationToken);

    /// <summary>Replaces the logo. A PNG or an SVG (by its content, not its name) of at most <see cref="OrganisationLogo.MaxBytes"/>.</summary>
    public async Task<Result> SaveLogoAsync(string fileName, byte[] content, CancellationToken cancellationToken = default)
    {
        var (type, problem) = Inspect(content);
        if (problem is not null) return Result.Invalid("Logo", problem);
        var name = Path.GetFileName(fileName ?? "");
        name = name.Length is 0 ? "logo" : name.Length > DataLimits.NameLength ? name[..DataLimits.NameLength] : name;
        return await operations.WriteAsync(Capabilities.ManageOrganisation, async (db, cancellationToken) =>
        {
            var logo = await db.OrganisationLogos.SingleOrDefaultAsync(cancellationToken);
            if (logo is null) db.OrganisationLogos.Add(new OrganisationLogo { Name = name, ContentType = type!, Content = content });
            else (logo.Name, logo.ContentType, logo.Content) = (name, type!, content);
            return Result<bool>.Ok(true);
        }, cancellationToken: cancellationToken);
    }

    public async Task<Result> RemoveLogoAsync(CancellationToken cancellationToken = default) =>
        await operations.WriteAsync(Capabilities.ManageOrganisation, async (db, cancellationToken) =>
        {
            if (await db.OrganisationLogos.SingleOrDefaultAsync(cancellationToken) is { } logo) db.OrganisationLogos.Remove(logo);
            return Result<bool>.Ok(true);
        }, cancellationToken: cancellationToken);

    public static string DataUri(string contentType, byte[] content) => $"data:{contentType};base64,{Convert.ToBase64String(content)}";

    /// <summary>
    /// What the file is, or why it is refused. An SVG may not script, animate, embed HTML or other files, or load anything
    /// from outside itself (links, style sheets, CSS <c>url()</c> and <c>@import</c>). It is shown in an <c>img</c>, where
    /// none of that runs anyway, and served with a sandboxing policy; but a file that tries is not a logo.
    /// </summary>
    public static (string? ContentType, string? Problem) Inspect(byte[] content)
    {
        if (content.Length == 0) return (null, "The file is empty.");
        if (content.Length > OrganisationLogo.MaxBytes) return (null, $"Use a file of at most {OrganisationLogo.MaxBytes / 1024} KB; this one is {content.Length / 1024} KB.");
        if (content.AsSpan().StartsWith(PngSignature)) return (OrganisationLogo.Png, null);
        return IsSafeSvg(content) ? (OrganisationLogo.Svg, null) : (null, "Use a PNG or an SVG image (an SVG without scripts, animation or links to other files).");
    }

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly HashSet<string> UnsafeElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "foreignObject", "iframe", "object", "embed", "set", "animate", "animateMotion", "animateTransform", "discard", "handler", "listener",
    };

    /// <summary>Script URLs, style sheet imports, and CSS <c>url()</c> except to a part of the file itself (<c>url(#gradient)</c>).</summary>
    private static readonly Regex UnsafeValue = new(@"javascript:|@import|expression\(|url\(\s*['""]?(?!#)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static bool IsSafeSvg(byte[] content)
    {
        // No DTD (no entities that expand or reach out), no resolver: the reader reads this file only.
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(content), settings);
            var root = true;
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    // <?xml-stylesheet?> and the like; the XML declaration itself is not a processing instruction here.
                    case XmlNodeType.ProcessingInstruction:
                        return false;
                    case XmlNodeType.Text or XmlNodeType.CDATA when Unsafe(reader.Value):
                        return false;
                    case XmlNodeType.Element:
                        if (root && reader.LocalName != "svg") return false;
                        root = false;
                        if (UnsafeElements.Contains(reader.LocalName)) return false;
                        for (var more = reader.MoveToFirstAttribute(); more; more = reader.MoveToNextAttribute())
                        {
                            if (reader.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase) || Unsafe(reader.Value)) return false;
                            // Links only within the file, or to a picture that is itself inert (a PNG or JPEG, never another SVG).
                            if (reader.LocalName == "href" && !IsInertLink(reader.Value)) return false;
                        }
                        reader.MoveToElement();
                        break;
                }
            }
            return !root;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    private static bool IsInertLink(string href) =>
        href.StartsWith('#') || href.StartsWith("data:image/png", StringComparison.Ordinal) || href.StartsWith("data:image/jpeg", StringComparison.Ordinal);

    private static bool Unsafe(string value) => UnsafeValue.IsMatch(value);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
