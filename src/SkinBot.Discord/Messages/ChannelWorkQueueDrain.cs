using Microsoft.Extensions.Hosting;

namespace SkinBot.Discord.Messages;

/// <summary>
/// Answers the accepted channel messages when the host stops. Registered before the gateway session, so it stops after
/// it (hosted services stop in reverse order): first no new messages, then the ones already taken are finished.
/// </summary>
internal sealed class ChannelWorkQueueDrain(ChannelWorkQueue queue) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <param name="cancellationToken">Fires at the host's shutdown timeout (setting <c>shutdownTimeoutSeconds</c>).</param>
    public Task StopAsync(CancellationToken cancellationToken) => queue.DrainAsync(cancellationToken);
}
