using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WorkTrackr.Data.Common;
using WorkTrackr.Tests.Integration.Tenancy;
using WorkTrackr.Web.Infrastructure.Email;
using WorkTrackr.Web.Infrastructure.Jobs;

namespace WorkTrackr.Tests.Integration.Email;

/// <summary>Queued email, delivered by the email job over SMTP to a real listener on loopback.</summary>
[Trait("Category", "Integration")]
public sealed class EmailDeliveryTests(SqliteTenantApp app) : IClassFixture<SqliteTenantApp>
{
    private EmailDeliveryWorker Worker(IServiceProvider services, int port) => new(
        services.GetRequiredService<JobDatabase>(),
        new SmtpEmailTransport(Options.Create(new EmailOptions { SmtpHost = "127.0.0.1", SmtpPort = port, SmtpEnableSsl = false, From = "WorkTrackr <jobs@worktrackr.test>", TimeoutSeconds = 5 }),
            services.GetRequiredService<IHostEnvironment>(), NullLogger<SmtpEmailTransport>.Instance),
        TimeProvider.System, NullLogger<EmailDeliveryWorker>.Instance);

    [Fact]
    public async Task A_queued_email_is_sent_over_smtp_once_and_marked_sent()
    {
        using var server = new LoopbackSmtpServer();
        var sender = app.Factory.Services.GetRequiredService<IEmailSender>();
        var to = $"owner-{Guid.NewGuid():N}@example.test";
        await sender.SendAsync(to, "Renewals due", "<p>Three services renew this week.</p>");

        await using var scope = app.Factory.Services.CreateAsyncScope();
        var worker = Worker(scope.ServiceProvider, server.Port);
        Assert.True(await worker.SweepAsync() >= 1);
        Assert.Equal(0, await worker.SweepAsync());

        var message = Assert.Single(server.Messages, m => m.Recipients.Contains($"<{to}>"));
        Assert.Equal("<jobs@worktrackr.test>", message.From);
        Assert.Contains("Subject: Renewals due", message.Data);
        Assert.Contains("Three services renew this week.", message.Data);
        await using var db = app.Factory.CreateDbContext(null);
        var row = await db.EmailMessages.AsNoTracking().SingleAsync(m => m.To == to);
        Assert.Equal((WorkState.Done, 1), (row.State, row.Attempts));
        Assert.NotNull(row.CompletedAt);
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
        var to = $"later-{Guid.NewGuid():N}@example.test";
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
        using var server = new LoopbackSmtpServer();
        await db.EmailMessages.Where(m => m.Id == row.Id).ExecuteUpdateAsync(m => m.SetProperty(x => x.NextAttemptAt, DateTime.UtcNow.AddSeconds(-1)));
        Assert.True(await Worker(scope.ServiceProvider, server.Port).SweepAsync() >= 1);
        Assert.Contains(server.Messages, m => m.Recipients.Contains($"<{to}>"));
    }
}

/// <summary>
/// Just enough of an SMTP server (RFC 5321) on a loopback port to accept messages from System.Net.Mail: EHLO, MAIL,
/// RCPT, DATA, QUIT. Written here because no SMTP test server is in the registry.
/// </summary>
public sealed class LoopbackSmtpServer : IDisposable
{
    public sealed record Received(string From, IReadOnlyList<string> Recipients, string Data);

    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly List<Received> messages = [];

    public LoopbackSmtpServer()
    {
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _ = AcceptAsync();
    }

    public int Port { get; }

    public IReadOnlyList<Received> Messages { get { lock (messages) return messages.ToList(); } }

    private async Task AcceptAsync()
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token);
                _ = ServeAsync(client);
            }
        }
        catch (OperationCanceledException) { }
        catch (ObjectDisposedException) { }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var reader = new StreamReader(stream, Encoding.ASCII);
        var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost test SMTP");
        string? from = null;
        var recipients = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
            switch (command)
            {
                case "EHLO" or "HELO": await writer.WriteLineAsync("250 localhost"); break;
                case "MAIL": from = line[(line.IndexOf(':') + 1)..].Trim(); await writer.WriteLineAsync("250 OK"); break;
                case "RCPT": recipients.Add(line[(line.IndexOf(':') + 1)..].Trim()); await writer.WriteLineAsync("250 OK"); break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".") data.AppendLine(dataLine);
                    lock (messages) messages.Add(new Received(from ?? "", recipients.ToList(), data.ToString()));
                    recipients.Clear();
                    await writer.WriteLineAsync("250 OK queued");
                    break;
                case "QUIT": await writer.WriteLineAsync("221 Bye"); return;
                default: await writer.WriteLineAsync("250 OK"); break;
            }
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        stop.Dispose();
    }
}
