namespace SkinBot.Teams.Auth;

/// <summary>The bearer token the bot presents to the connector service.</summary>
internal interface IBotTokenProvider
{
    Task<string> GetTokenAsync(CancellationToken cancellationToken);
}
