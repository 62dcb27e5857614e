namespace SkinBot.Discord.Gateway;

/// <summary>One Discord shard as IDENTIFY names it: <c>"shard": [Id, Count]</c>.</summary>
public readonly record struct GatewayShard(int Id, int Count)
{
    public override string ToString() => $"{Id}/{Count}";
}
