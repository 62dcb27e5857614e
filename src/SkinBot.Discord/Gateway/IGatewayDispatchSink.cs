using System.Text.Json;

namespace SkinBot.Discord.Gateway;

/// <summary>
/// Receives dispatch events from the receive loop. Implementations must only decode and hand off (enqueue):
/// anything slow here stalls heartbeats' ACK processing and every other event.
/// </summary>
internal interface IGatewayDispatchSink
{
    void Dispatch(string eventName, JsonElement data);
}
