using System.ComponentModel.DataAnnotations;

namespace SkinBot.Redis;

/// <summary>Shared state for several replicas. Unset <see cref="Configuration"/> keeps everything in memory.</summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>redis:6379,password=…</c>. May hold a secret: never logged.</summary>
    public string? Configuration { get; set; }

    /// <summary>Every key starts with this, so several bots (or environments) can share one Redis.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9:_-]{1,40}$")]
    public string KeyPrefix { get; set; } = "skinbot:";

    /// <summary>How long one Redis call may take before the bot answers on local state instead.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:30")]
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(1);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Configuration);
}
