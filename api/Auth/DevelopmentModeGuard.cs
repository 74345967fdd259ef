using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace MailAssist.Api.Auth;

/// <summary>
/// Refuses to start with development sign-in unless the environment is Development and every
/// address the API listens on is loopback: otherwise anyone on the network would be signed in.
/// </summary>
public sealed class DevelopmentModeGuard(IHostEnvironment environment, IServer server) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment())
            throw new InvalidOperationException(
                $"Auth__Mode=Development is only allowed when ASPNETCORE_ENVIRONMENT is Development (it is {environment.EnvironmentName}). Use Auth__Mode=EntraId.");
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var exposed = addresses.Where(a => !IsLoopback(a)).ToList();
        if (exposed.Count > 0)
            throw new InvalidOperationException(
                $"Auth__Mode=Development signs everyone in as a fixed user, so the API may only listen on loopback addresses; it listens on {string.Join(", ", exposed)}. Use ASPNETCORE_URLS=http://127.0.0.1:5080 or Auth__Mode=EntraId.");
        return Task.CompletedTask;
    }

    internal static bool IsLoopback(string address)
    {
        var host = BindingAddress.Parse(address).Host;
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
