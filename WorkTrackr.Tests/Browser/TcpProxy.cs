using System.Net;
using System.Net.Sockets;

namespace WorkTrackr.Tests.Browser;

/// <summary>
/// A loopback TCP relay in front of the app. <see cref="Interrupt"/> cuts every open connection and refuses new
/// ones, as a dropped network would, while the server and its circuits live on; <see cref="Resume"/> accepts again.
/// </summary>
public sealed class TcpProxy : IDisposable
{
    private readonly int targetPort;
    private readonly List<TcpClient> open = [];
    private TcpListener? listener;

    public TcpProxy(int targetPort)
    {
        this.targetPort = targetPort;
        Port = Infrastructure.WorkTrackrFactory.FreePort();
        Resume();
    }

    public int Port { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public void Resume()
    {
        listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _ = AcceptLoopAsync(listener);
    }

    public void Interrupt()
    {
        listener?.Stop();
        listener = null;
        lock (open)
        {
            foreach (var client in open) client.Dispose();
            open.Clear();
        }
    }

    private async Task AcceptLoopAsync(TcpListener from)
    {
        while (true)
        {
            TcpClient client;
            try { client = await from.AcceptTcpClientAsync(); }
            catch (Exception e) when (e is SocketException or ObjectDisposedException) { return; }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        var upstream = new TcpClient();
        lock (open) { open.Add(client); open.Add(upstream); }
        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, targetPort);
            using var cancel = new CancellationTokenSource();
            var down = client.GetStream().CopyToAsync(upstream.GetStream(), cancel.Token);
            var up = upstream.GetStream().CopyToAsync(client.GetStream(), cancel.Token);
            await Task.WhenAny(down, up);
            await cancel.CancelAsync();
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // A cut connection is what Interrupt is for.
        }
        finally
        {
            client.Dispose();
            upstream.Dispose();
            lock (open) { open.Remove(client); open.Remove(upstream); }
        }
    }

    public void Dispose() => Interrupt();
}
