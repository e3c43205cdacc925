using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MailKit;
using MailKit.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using WorkTrackr.Tests.Browser;
using WorkTrackr.Web.Infrastructure.Email;
using WorkTrackr.Web.Infrastructure.Jobs;

namespace WorkTrackr.Tests.Integration.Email;

/// <summary>Queued email, delivered by the email job with MailKit over SMTP to a real SMTP server on loopback.</summary>
[Trait("Category", "Integration")]
public sealed class EmailDeliveryTests(SqliteTenantApp app) : IClassFixture<SqliteTenantApp>
{
    private const string From = "WorkTrackr <jobs@worktrackr.test>";

    private SmtpEmailTransport Transport(int port, SecureSocketOptions security = SecureSocketOptions.None, string? user = null, string? password = null,
        string? pickupFolder = null, int timeoutSeconds = 5, System.Net.Security.RemoteCertificateValidationCallback? trust = null) =>
        new(Options.Create(new EmailOptions
            {
                SmtpHost = pickupFolder is null ? "127.0.0.1" : "", SmtpPort = port, SmtpSecurity = security, SmtpUser = user, SmtpPassword = password,
                From = From, TimeoutSeconds = timeoutSeconds, PickupFolder = pickupFolder ?? "unused",
            }),
            app.Factory.Services.GetRequiredService<IHostEnvironment>(), TimeProvider.System, NullLogger<SmtpEmailTransport>.Instance)
        {
            ServerCertificateValidation = trust,
        };

    private EmailDeliveryWorker Worker(IServiceProvider services, int port) => new(
        services.GetRequiredService<JobDatabase>(), Transport(port), TimeProvider.System, NullLogger<EmailDeliveryWorker>.Instance);

    private static string NewAddress(string name) => $"{name}-{Guid.NewGuid():N}@example.test";

    [Fact]
    public async Task A_queued_email_is_sent_over_smtp_once_and_marked_sent()
    {
        await using var server = await LoopbackSmtpServer.StartAsync();
        var sender = app.Factory.Services.GetRequiredService<IEmailSender>();
        var to = NewAddress("owner");
        await sender.SendAsync(to, "Renewals due", "<p>Three services renew this week.</p>");

        await using var scope = app.Factory.Services.CreateAsyncScope();
        var worker = Worker(scope.ServiceProvider, server.Port);
        Assert.True(await worker.SweepAsync() >= 1);
        Assert.Equal(0, await worker.SweepAsync());

        var received = Assert.Single(server.Messages, m => m.Recipients.Contains(to));
        Assert.Equal("jobs@worktrackr.test", received.From);
        Assert.Equal([to], received.Recipients);
        Assert.Equal("Renewals due", received.Message.Subject);
        var from = Assert.Single(received.Message.From.Mailboxes);
        Assert.Equal(("WorkTrackr", "jobs@worktrackr.test"), (from.Name, from.Address));
        Assert.Equal(to, Assert.Single(received.Message.To.Mailboxes).Address);
        Assert.Contains("<p>Three services renew this week.</p>", received.Message.HtmlBody);
        Assert.Equal("Three services renew this week.\n", received.Message.TextBody?.ReplaceLineEndings("\n"));
        Assert.False(string.IsNullOrEmpty(received.Message.MessageId));
        Assert.Null(received.User); // no SmtpUser: no login
        await using var db = app.Factory.CreateDbContext(null);
        var row = await db.EmailMessages.AsNoTracking().SingleAsync(m => m.To == to);
        Assert.Equal((WorkState.Done, 1), (row.State, row.Attempts));
        Assert.NotNull(row.CompletedAt);
        // A sent message keeps no body: it may have held a secret link.
        Assert.Equal(EmailDeliveryWorker.SentBody, row.HtmlBody);
    }

    [Fact]
    public async Task A_failed_send_is_kept_and_retried_later_without_blocking_the_sender()
    {
        int closedPort;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            closedPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        var to = NewAddress("later");
        // Queuing returns at once, whatever the mail server is doing.
        await app.Factory.Services.GetRequiredService<IEmailSender>().SendAsync(to, "Invoice issued", "<p>Hello</p>");

        await using var scope = app.Factory.Services.CreateAsyncScope();
        Assert.Equal(0, await Worker(scope.ServiceProvider, closedPort).SweepAsync());
        await using var db = app.Factory.CreateDbContext(null);
        var row = await db.EmailMessages.AsNoTracking().SingleAsync(m => m.To == to);
        Assert.Equal((WorkState.Pending, 1), (row.State, row.Attempts));
        Assert.False(string.IsNullOrEmpty(row.LastError));
        Assert.True(row.NextAttemptAt > DateTime.UtcNow.AddSeconds(20), "backs off before the next try");

        // Once it is due again and the server is up, it goes.
        await using var server = await LoopbackSmtpServer.StartAsync();
        await db.EmailMessages.Where(m => m.Id == row.Id).ExecuteUpdateAsync(m => m.SetProperty(x => x.NextAttemptAt, DateTime.UtcNow.AddSeconds(-1)));
        Assert.True(await Worker(scope.ServiceProvider, server.Port).SweepAsync() >= 1);
        Assert.Contains(server.Messages, m => m.Recipients.Contains(to));
    }

    [Fact]
    public async Task With_a_user_set_the_transport_logs_in_and_without_one_it_does_not()
    {
        await using var server = await LoopbackSmtpServer.StartAsync(users: new Dictionary<string, string> { ["mailer@worktrackr.test"] = "s3cret; pass, word" });
        var to = NewAddress("login");

        await Transport(server.Port, user: "mailer@worktrackr.test", password: "s3cret; pass, word").SendAsync(to, "Signed in", "<p>Hello</p>");

        Assert.Equal(new LoopbackSmtpServer.Login("mailer@worktrackr.test", "s3cret; pass, word"), Assert.Single(server.Logins));
        var received = Assert.Single(server.Messages);
        Assert.Equal(("mailer@worktrackr.test", "Signed in"), (received.User, received.Message.Subject));

        // No user: no login is tried, and this server refuses the message.
        await Assert.ThrowsAsync<ServiceNotAuthenticatedException>(() => Transport(server.Port).SendAsync(NewAddress("anonymous"), "Anonymous", "<p>Hello</p>"));
        Assert.Single(server.Logins);
        // A wrong password fails the send (the queue then retries it) rather than sending without a login. MailKit
        // tries each mechanism the server offers (PLAIN, LOGIN) before it gives up.
        await Assert.ThrowsAsync<AuthenticationException>(() =>
            Transport(server.Port, user: "mailer@worktrackr.test", password: "wrong").SendAsync(NewAddress("wrong"), "Wrong", "<p>Hello</p>"));
        Assert.All(server.Logins.Skip(1), login => Assert.Equal(new LoopbackSmtpServer.Login("mailer@worktrackr.test", "wrong"), login));
        Assert.True(server.Logins.Count > 1);
        Assert.Single(server.Messages);
    }

    [Theory]
    [InlineData(SecureSocketOptions.None, null)]
    [InlineData(SecureSocketOptions.StartTlsWhenAvailable, null)]
    [InlineData(SecureSocketOptions.Auto, null)] // not port 465: STARTTLS when offered, and this server offers none
    [InlineData(SecureSocketOptions.StartTls, typeof(NotSupportedException))] // the default never falls back to plain text
    [InlineData(SecureSocketOptions.SslOnConnect, typeof(SslHandshakeException))]
    public async Task Against_a_server_without_tls_only_the_settings_that_allow_plain_text_send(SecureSocketOptions security, Type? failure)
    {
        await using var server = await LoopbackSmtpServer.StartAsync();
        var to = NewAddress(security.ToString().ToLowerInvariant());
        var send = () => Transport(server.Port, security).SendAsync(to, "Plain", "<p>Hello</p>");

        if (failure is null) await send();
        else Assert.IsType(failure, await Record.ExceptionAsync(send));

        Assert.Equal(failure is null, server.Messages.Any(m => m.Recipients.Contains(to)));
    }

    [Theory]
    [InlineData(SecureSocketOptions.StartTls, false)]
    [InlineData(SecureSocketOptions.SslOnConnect, true)]
    public async Task Over_tls_the_message_and_the_login_go_encrypted_and_an_untrusted_certificate_is_refused(SecureSocketOptions security, bool implicitTls)
    {
        using var certificate = LoopbackSmtpServer.CreateCertificate();
        await using var server = await LoopbackSmtpServer.StartAsync(users: new Dictionary<string, string> { ["mailer"] = "pw" }, certificate, implicitTls);
        var to = NewAddress("tls");

        // MailKit's own validation rejects a self-signed certificate: nothing is sent, no password leaves.
        await Assert.ThrowsAsync<SslHandshakeException>(() => Transport(server.Port, security, "mailer", "pw").SendAsync(to, "Untrusted", "<p>Hello</p>"));
        Assert.Empty(server.Logins);

        // Trusting exactly this certificate (a hook only tests can set), the same send goes through.
        var trusting = Transport(server.Port, security, "mailer", "pw",
            trust: (_, presented, _, _) => presented is not null && presented.GetCertHashString() == certificate.Thumbprint);
        await trusting.SendAsync(to, "Encrypted", "<p>Hello</p>");

        var received = Assert.Single(server.Messages);
        Assert.True(received.Secure);
        Assert.Equal(("mailer", "Encrypted"), (received.User, received.Message.Subject));
    }

    [Fact]
    public async Task A_server_that_never_answers_fails_the_send_after_the_timeout()
    {
        // Accepts the connection and never sends its greeting.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var transport = Transport(((IPEndPoint)silent.LocalEndpoint).Port, timeoutSeconds: 1);

        var watch = Stopwatch.StartNew();
        // A TimeoutException, not a cancellation: the email job counts it as a failed attempt and retries later.
        await Assert.ThrowsAsync<TimeoutException>(() => transport.SendAsync(NewAddress("silent"), "Hello?", "<p>Hello</p>"));
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Without_an_smtp_host_each_message_is_an_eml_file_that_the_browser_tests_can_read()
    {
        var folder = Directory.CreateTempSubdirectory("worktrackr-pickup-").FullName;
        try
        {
            var to = NewAddress("pickup");
            var transport = Transport(0, pickupFolder: folder);
            const string link = "https://worktrackr.test/Account/ResetPassword?code=CfDJ8AB%2B%3D%3D&returnUrl=%2F";
            await transport.SendAsync(to, "Reset your WorkTrackr password — Zürich",
                $"<p>Hello Jörg,</p><p>Reset your password by <a href='{WebUtility.HtmlEncode(link)}'>clicking here</a>.</p>" +
                "<ul><li>Fibre 100 (in 3 days)</li><li>Backup &amp; restore (today)</li></ul>");
            await transport.SendAsync(to, "Second", "<p>Later</p>");

            var files = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(2, files.Count);
            Assert.All(files, f => Assert.EndsWith(".eml", f)); // nothing half-written is left behind
            using (var first = await MimeMessage.LoadAsync(files[0]))
            {
                Assert.Equal("Reset your WorkTrackr password — Zürich", first.Subject);
                var from = Assert.Single(first.From.Mailboxes);
                Assert.Equal(("WorkTrackr", "jobs@worktrackr.test"), (from.Name, from.Address));
                Assert.Equal(to, Assert.Single(first.To.Mailboxes).Address);
                Assert.Contains("Hello Jörg,", first.HtmlBody);
                Assert.Equal($"Hello Jörg,\n\nReset your password by clicking here ({link}).\n\n- Fibre 100 (in 3 days)\n- Backup & restore (today)\n",
                    first.TextBody?.ReplaceLineEndings("\n"));
            }
            // As sent over SMTP: 7-bit text with CRLF line ends.
            var raw = await File.ReadAllBytesAsync(files[0]);
            Assert.All(raw, b => Assert.True(b < 0x80, "8-bit byte in the file"));
            Assert.DoesNotContain("\n", System.Text.Encoding.ASCII.GetString(raw).Replace("\r\n", "", StringComparison.Ordinal));

            // The latest message is the one the helper picks; the link comes out decoded.
            Assert.Equal("Second", MailPickup.LatestTo(folder, to.ToUpperInvariant())!.Subject);
            await File.WriteAllTextAsync(Path.Combine(folder, "00-unrelated.eml"), "To: someone@example.test\r\nSubject: x\r\n\r\nx\r\n");
            File.Delete(files[1]);
            Assert.Equal(link, await MailPickup.ResetLinkSentToAsync(folder, to, timeoutMs: 1_000));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
