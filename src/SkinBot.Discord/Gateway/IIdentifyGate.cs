namespace SkinBot.Discord.Gateway;

/// <summary>Discord admits one IDENTIFY per bucket (<c>shard_id % max_concurrency</c>) per interval, across every process of the bot.</summary>
internal interface IIdentifyGate
{
    /// <summary>Waits for this shard's bucket to be free and takes it.</summary>
    Task WaitAsync(CancellationToken cancellationToken);

    /// <summary>IDENTIFY went out: the bucket stays taken for an interval from now.</summary>
    Task SentAsync(CancellationToken cancellationToken);
}
