using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkinBot.Teams.Auth;

namespace SkinBot.Teams;

/// <summary>Says once, at start-up, whether the Teams adapter is answering and how it authenticates (never the secret).</summary>
internal sealed partial class TeamsStartupReporter : IHostedService
{
    private readonly TeamsOptions _options;
    private readonly ILogger<TeamsStartupReporter> _logger;

    public TeamsStartupReporter(IOptions<TeamsOptions> options, ILogger<TeamsStartupReporter> logger)
    {
        _options = options.Value;
        _logger = logger;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_options.Enabled)
        {
            LogEnabled(_options.MessagingPath, _options.MicrosoftAppType, _options.MicrosoftAppId!, MsalBotTokenProvider.AuthorityFor(_options));
        }
        else
        {
            LogDisabled(_options.MessagingPath);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams adapter listening on POST {Path} as {AppType} app {AppId}; outbound tokens from {Authority}")]
    private partial void LogEnabled(string path, TeamsAppType appType, string appId, string authority);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams adapter disabled: Teams:MicrosoftAppId is not set, so POST {Path} answers 404")]
    private partial void LogDisabled(string path);
}
