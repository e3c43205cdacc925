using MailKit.Security;
using Microsoft.Extensions.Configuration;
using WorkTrackr.Web.Infrastructure.Email;

namespace WorkTrackr.Tests.Unit;

/// <summary>Email:SmtpSecurity replaced Email:SmtpEnableSsl; a deployment that still has only the old key keeps its meaning.</summary>
[Trait("Category", "Unit")]
public sealed class EmailOptionsTests
{
    private static EmailOptions Bind(params (string Key, string Value)[] settings)
    {
        var section = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create<string, string?>($"Email:{s.Key}", s.Value)))
            .Build().GetSection(EmailOptions.Section);
        var options = section.Get<EmailOptions>() ?? new EmailOptions();
        options.ApplyLegacySecurity(section);
        return options;
    }

    [Theory]
    [InlineData("false", SecureSocketOptions.None)]
    [InlineData("true", SecureSocketOptions.StartTls)]
    public void The_old_ssl_switch_alone_still_chooses_the_security(string enableSsl, SecureSocketOptions expected) =>
        Assert.Equal(expected, Bind(("SmtpEnableSsl", enableSsl)).SmtpSecurity);

    [Fact]
    public void The_new_setting_wins_over_the_old_one() =>
        Assert.Equal(SecureSocketOptions.SslOnConnect, Bind(("SmtpEnableSsl", "false"), ("SmtpSecurity", "SslOnConnect")).SmtpSecurity);

    [Fact]
    public void With_neither_it_is_starttls() => Assert.Equal(SecureSocketOptions.StartTls, Bind().SmtpSecurity);

    [Fact]
    public void A_value_that_is_not_true_or_false_is_refused_with_the_new_setting_named() =>
        Assert.Contains("Email:SmtpSecurity", Assert.Throws<InvalidOperationException>(() => Bind(("SmtpEnableSsl", "yes"))).Message, StringComparison.Ordinal);
}
