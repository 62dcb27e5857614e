using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SkinBot.Teams.Tests.Fakes;

/// <summary>
/// An Entra-like token endpoint ({authority}/oauth2/v2.0/token) for the client-credentials grant. It is https
/// because MSAL refuses http authorities, with a self-signed loopback certificate the test host trusts by thumbprint.
/// </summary>
internal sealed class FakeTokenEndpoint : IAsyncDisposable
{
    public const string Tenant = "11111111-2222-3333-4444-555555555555";

    private static readonly Lazy<X509Certificate2> LazyCertificate = new(CreateCertificate);
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> _requests = new();
    private LoopbackServer? _server;
    private readonly ConcurrentQueue<int> _failures = new();
    private int _issued;

    public static X509Certificate2 Certificate => LazyCertificate.Value;

    /// <summary>https://127.0.0.1:port/{tenant}: what Teams:TokenEndpoint is set to.</summary>
    public string Authority => _server!.BaseUrl + "/" + Tenant;

    /// <summary>The form fields of every token request.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Requests => [.. _requests];

    public static async Task<FakeTokenEndpoint> StartAsync()
    {
        var fake = new FakeTokenEndpoint();
        fake._server = await LoopbackServer.StartAsync(
            app => app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpContext context, string tenant) =>
            {
                var form = await context.Request.ReadFormAsync();
                fake._requests.Enqueue(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
                if (fake._failures.TryDequeue(out var failure))
                {
                    return Results.Json(new { error = "temporarily_unavailable", error_description = "AADSTS90033: A transient error has occurred. Please try again." }, statusCode: failure);
                }

                if (form["client_secret"] != TeamsTestApp.AppPassword || tenant != Tenant)
                {
                    return Results.Json(new { error = "invalid_client", error_description = "AADSTS7000215: Invalid client secret provided." }, statusCode: 401);
                }

                var number = Interlocked.Increment(ref fake._issued);
                return Results.Json(new { token_type = "Bearer", expires_in = 3599, ext_expires_in = 3599, access_token = $"outbound-token-{number}" });
            }),
            Certificate);
        return fake;
    }

    /// <summary>The next token requests fail with these statuses, in order (Entra throttling or an outage).</summary>
    public void FailNext(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _failures.Enqueue(status);
        }
    }

    /// <summary>Lets exactly this endpoint's certificate through, nothing else.</summary>
    public static HttpMessageHandler TrustingHandler() => new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == Certificate.Thumbprint,
    };

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;

    private static X509Certificate2 CreateCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}
