using Microsoft.Extensions.Http.Logging;
using SkinBot.Core.Diagnostics;

namespace SkinBot.Host.Operations;

/// <summary>
/// Replaces the HttpClientFactory's request logs, which print the full address (a Discord webhook address holds the
/// interaction token): one line per outgoing request with the address through <see cref="SecretUrlRedactor"/>, at
/// Debug under its own category (<see cref="Category"/>), so turning it on does not turn on anything else.
/// </summary>
internal sealed partial class RedactedHttpClientLogger(ILoggerFactory loggerFactory) : IHttpClientLogger
{
    public const string Category = "SkinBot.Http";

    private readonly ILogger _logger = loggerFactory.CreateLogger(Category);

    public object? LogRequestStart(HttpRequestMessage request) => null;

    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed)
    {
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            LogAnswered(request.Method.Method, Address(request), (int)response.StatusCode, Math.Round(elapsed.TotalMilliseconds));
        }
    }

    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed)
    {
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            // Only the type: the caller logs the failure with its context, and an exception message may echo the address.
            LogFailed(request.Method.Method, Address(request), exception.GetType().Name, Math.Round(elapsed.TotalMilliseconds));
        }
    }

    private static string Address(HttpRequestMessage request) => request.RequestUri switch
    {
        null => string.Empty,
        { IsAbsoluteUri: true } uri => SecretUrlRedactor.Redact(uri.AbsoluteUri),
        var uri => SecretUrlRedactor.Redact(uri.OriginalString),
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "HTTP {Method} {Url} answered {Status} in {ElapsedMs} ms")]
    private partial void LogAnswered(string method, string url, int status, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "HTTP {Method} {Url} failed ({Error}) after {ElapsedMs} ms")]
    private partial void LogFailed(string method, string url, string error, double elapsedMs);
}
