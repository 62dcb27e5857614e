using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkinBot.Discord.Rest;

namespace SkinBot.Discord.Messages;

/// <summary>
/// Channels where Discord refused us for missing access or permissions (50001, 50013). Every refused request counts
/// toward Discord's 10,000 invalid requests per 10 minutes, so such a channel is left alone for
/// <see cref="DiscordOptions.ForbiddenChannelBackoff"/> instead of being tried again on every question.
/// </summary>
internal sealed partial class ForbiddenChannels(IOptions<DiscordOptions> options, TimeProvider time, ILogger<ForbiddenChannels> logger)
{
    private const int MissingAccess = 50001;
    private const int MissingPermissions = 50013;

    private readonly ConcurrentDictionary<Snowflake, DateTimeOffset> _until = new();

    public static bool IsPermissionError(DiscordRestException exception) =>
        exception.DiscordCode is MissingAccess or MissingPermissions;

    public bool IsForbidden(Snowflake channelId)
    {
        if (!_until.TryGetValue(channelId, out var end))
        {
            return false;
        }

        if (time.GetUtcNow() < end)
        {
            return true;
        }

        _until.TryRemove(KeyValuePair.Create(channelId, end));
        return false;
    }

    /// <summary>Remembers the channel if <paramref name="exception"/> is a permission error; true when it was one.</summary>
    public bool RememberIfForbidden(Snowflake channelId, DiscordRestException exception)
    {
        if (!IsPermissionError(exception))
        {
            return false;
        }

        var settings = options.Value;
        if (_until.Count >= settings.ForbiddenChannelCapacity)
        {
            Prune();
        }

        if (_until.Count >= settings.ForbiddenChannelCapacity)
        {
            // Bounded memory wins: this channel is simply tried again next time.
            return true;
        }

        var end = time.GetUtcNow() + settings.ForbiddenChannelBackoff;
        if (_until.TryAdd(channelId, end))
        {
            LogForbidden(channelId, exception.DiscordCode, settings.ForbiddenChannelBackoff.TotalMinutes);
        }
        else
        {
            _until[channelId] = end;
        }

        return true;
    }

    private void Prune()
    {
        var now = time.GetUtcNow();
        foreach (var (channel, end) in _until)
        {
            if (end <= now)
            {
                _until.TryRemove(KeyValuePair.Create(channel, end));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord refused channel {ChannelId} (code {Code}: missing access or permissions); not sending there for {Minutes} minutes")]
    private partial void LogForbidden(Snowflake channelId, int? code, double minutes);
}
