using System.Buffers;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using ServiceProvider = SmtpServer.ComponentModel.ServiceProvider;
using SmtpServerHost = SmtpServer.SmtpServer;

namespace WorkTrackr.Tests.Integration.Email;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a free loopback port that keeps every message it accepts, parsed with
/// MimeKit, and every login attempt. Optionally it requires a login, and offers TLS with a certificate: STARTTLS, or
/// TLS from the first byte (SMTPS) when <c>implicitTls</c> is set.
/// </summary>
public sealed class LoopbackSmtpServer : IAsyncDisposable
{
    public sealed record Received(string From, IReadOnlyList<string> Recipients, MimeMessage Message, string? User, bool Secure);

    public sealed record Login(string User, string Password);

    private readonly List<Received> messages = [];
    private readonly List<Login> logins = [];
    private readonly CancellationTokenSource stop = new();
    private Task running = Task.CompletedTask;

    private LoopbackSmtpServer() { }

    public int Port { get; private set; }

    public IReadOnlyList<Received> Messages { get { lock (messages) return messages.ToList(); } }

    public IReadOnlyList<Login> Logins { get { lock (logins) return logins.ToList(); } }

    /// <param name="users">When given, sending needs a login with one of these user names and passwords.</param>
    public static async Task<LoopbackSmtpServer> StartAsync(IReadOnlyDictionary<string, string>? users = null,
        X509Certificate2? certificate = null, bool implicitTls = false)
    {
        var server = new LoopbackSmtpServer();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint =>
            {
                // Port 0: the system picks a free port, read back from the listener below.
                endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, 0));
                if (users is not null) endpoint.AuthenticationRequired(true).AllowUnsecureAuthentication(true);
                if (certificate is not null) endpoint.Certificate(certificate).IsSecure(implicitTls);
            })
            .Build();

        var listeners = new EndpointListenerFactory();
        var started = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        listeners.EndpointStarted += (_, e) => started.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);
        var services = new ServiceProvider();
        services.Add(listeners);
        services.Add(new Store(server));
        services.Add(new DelegatingUserAuthenticator((_, user, password) =>
        {
            lock (server.logins) server.logins.Add(new Login(user, password));
            return users is not null && users.TryGetValue(user, out var expected) && expected == password;
        }));

        server.running = new SmtpServerHost(options, services).StartAsync(server.stop.Token);
        server.Port = await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return server;
    }

    /// <summary>A self-signed certificate for localhost and 127.0.0.1, valid for today only.</summary>
    public static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false)); // server authentication
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Through PKCS#12 so that the private key is a persisted one, as SslStream wants on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try { await running.WaitAsync(TimeSpan.FromSeconds(10)); }
        catch (OperationCanceledException) { }
        stop.Dispose();
        foreach (var message in Messages) message.Message.Dispose();
    }

    private sealed class Store(LoopbackSmtpServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            var received = new Received(transaction.From.AsAddress(), transaction.To.Select(to => to.AsAddress()).ToList(), message,
                context.Authentication.IsAuthenticated ? context.Authentication.User : null, context.Pipe.IsSecure);
            lock (server.messages) server.messages.Add(received);
            return SmtpResponse.Ok;
        }
    }
}
