using System.Net;

namespace SkinBot.Teams.Connector;

/// <summary>An activity could not be delivered to the connector service; carries what the operator needs.</summary>
public sealed class TeamsConnectorException : Exception
{
    public TeamsConnectorException()
    {
    }

    public TeamsConnectorException(string message)
        : base(message)
    {
    }

    public TeamsConnectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal TeamsConnectorException(string message, string kind, int attempts, HttpStatusCode? status, Exception? innerException)
        : base(message, innerException)
    {
        Kind = kind;
        Attempts = attempts;
        StatusCode = status;
    }

    /// <summary>reply, welcome, typing or apology.</summary>
    public string? Kind { get; }

    public int Attempts { get; }

    /// <summary>The last HTTP status, or null when the call never got a response.</summary>
    public HttpStatusCode? StatusCode { get; }
}
