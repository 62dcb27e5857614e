using CsCheck;
using SkinBot.Core.Diagnostics;
using SkinBot.Testing.Hostile;

namespace SkinBot.Core.Tests.Diagnostics;

public sealed class SecretUrlRedactorTests
{
    [Theory]
    [InlineData(
        "https://discord.com/api/v10/webhooks/123/SECRET-TOKEN/messages/@original",
        "https://discord.com/api/v10/webhooks/123/REDACTED/messages/@original")]
    [InlineData("https://discord.com/api/v10/webhooks/123/SECRET-TOKEN", "https://discord.com/api/v10/webhooks/123/REDACTED")]
    [InlineData("https://discord.com/api/v10/webhooks/123/SECRET-TOKEN/", "https://discord.com/api/v10/webhooks/123/REDACTED/")]
    [InlineData(
        "https://discord.com/api/v10/interactions/456/SECRET-TOKEN/callback",
        "https://discord.com/api/v10/interactions/456/REDACTED/callback")]
    [InlineData("http://127.0.0.1:5000/WEBHOOKS/1/SECRET-TOKEN", "http://127.0.0.1:5000/WEBHOOKS/1/REDACTED")]
    public void The_token_segment_of_a_webhook_or_interaction_route_is_replaced_and_the_rest_kept(string url, string expected)
    {
        Assert.Equal(expected, SecretUrlRedactor.Redact(url));
    }

    [Theory]
    [InlineData("https://discord.com/api/v10/webhooks/123")]
    [InlineData("https://discord.com/api/v10/webhooks/123/")]
    [InlineData("https://discord.com/api/v10/webhooks/")]
    [InlineData("https://discord.com/api/v10/channels/123/messages")]
    [InlineData("https://smba.trafficmanager.net/amer/v3/conversations/a:1/activities/9")]
    [InlineData("https://discord.com")]
    [InlineData("https://discord.com/")]
    public void A_url_without_a_secret_is_unchanged(string url)
    {
        Assert.Equal(url, SecretUrlRedactor.Redact(url));
    }

    [Fact]
    public void Every_query_value_is_replaced_and_the_names_are_kept()
    {
        var redacted = SecretUrlRedactor.Redact("https://example.org/path?wait=true&token=xyz&sig=abc%2Fdef&code=&client_secret=s3");

        Assert.Equal("https://example.org/path?wait=REDACTED&token=REDACTED&sig=REDACTED&code=&client_secret=REDACTED", redacted);
    }

    [Fact]
    public void A_bare_query_item_may_be_a_key_and_is_replaced_whole()
    {
        Assert.Equal("https://example.org/?REDACTED&a=REDACTED&&", SecretUrlRedactor.Redact("https://example.org/?ab12cd34&a=1&&"));
    }

    [Fact]
    public void User_info_is_dropped_and_host_and_port_kept()
    {
        Assert.Equal("https://example.org:8443/x", SecretUrlRedactor.Redact("https://user:p%40ss@example.org:8443/x"));
        Assert.Equal("http://[::1]:80", SecretUrlRedactor.Redact("http://user@[::1]:80"));
    }

    [Fact]
    public void A_fragment_is_replaced()
    {
        Assert.Equal("https://example.org/cb#REDACTED", SecretUrlRedactor.Redact("https://example.org/cb#access_token=abc"));
        Assert.Equal("https://example.org/cb#", SecretUrlRedactor.Redact("https://example.org/cb#"));
    }

    [Theory]
    [InlineData("/api/v10/webhooks/123/SECRET-TOKEN/messages/@original?wait=true", "/api/v10/webhooks/123/REDACTED/messages/@original?wait=REDACTED")]
    [InlineData("webhooks/123/SECRET-TOKEN", "webhooks/123/REDACTED")]
    [InlineData("?token=SECRET-TOKEN", "?token=REDACTED")]
    [InlineData("PATCH /webhooks/123/SECRET-TOKEN", "PATCH /webhooks/123/REDACTED")]
    [InlineData("PATCH https://u:SECRET-TOKEN@discord.com/webhooks/1/SECRET-TOKEN", "PATCH https://discord.com/webhooks/1/REDACTED")]
    public void A_relative_url_or_a_url_inside_text_is_redacted_the_same_way(string text, string expected)
    {
        Assert.Equal(expected, SecretUrlRedactor.Redact(text));
    }

    [Theory]
    [InlineData("/%77ebhooks/123/SECRET-TOKEN", "/%77ebhooks/123/REDACTED")]
    [InlineData("/webhooks/123/SECRET%2FTOKEN%3F/messages", "/webhooks/123/REDACTED/messages")]
    [InlineData("/webhooks/123/%zzSECRET-TOKEN", "/webhooks/123/REDACTED")]
    public void Escaped_characters_neither_hide_the_route_nor_split_the_token(string path, string expected)
    {
        Assert.Equal(expected, SecretUrlRedactor.Redact(path));
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("not a url", "not a url")]
    [InlineData("://", "://")]
    [InlineData("http://", "http://")]
    [InlineData("1http://x/webhooks/1/SECRET-TOKEN", "1http://x/webhooks/1/REDACTED")]
    [InlineData("???", "?REDACTED")]
    [InlineData("#", "#")]
    [InlineData("@@@://@@/webhooks/1/SECRET-TOKEN", "@@@://@@/webhooks/1/REDACTED")]
    public void Garbage_comes_back_without_an_exception(string? text, string expected)
    {
        Assert.Equal(expected, SecretUrlRedactor.Redact(text));
    }

    [Fact]
    public void Any_interaction_token_sent_to_any_webhook_route_is_never_in_the_redacted_url()
    {
        var token = Gen.String[Gen.Char.AlphaNumeric, 20, 80];
        var routes = Gen.OneOf(
            Gen.Const("/webhooks/{0}/{1}"),
            Gen.Const("/webhooks/{0}/{1}/messages/@original"),
            Gen.Const("/interactions/{0}/{1}/callback"));
        Gen.Select(token, Gen.ULong, routes, Gen.String).Sample((secret, id, route, query) =>
        {
            var url = "https://discord.com/api/v10" + string.Format(System.Globalization.CultureInfo.InvariantCulture, route, id, Uri.EscapeDataString(secret))
                + "?" + Uri.EscapeDataString(query) + "=" + secret;

            var redacted = SecretUrlRedactor.Redact(url);

            Assert.DoesNotContain(secret, redacted, StringComparison.Ordinal);
            Assert.StartsWith("https://discord.com/api/v10/", redacted, StringComparison.Ordinal);
        }, iter: PropertyRuns.Iterations(2_000), seed: PropertyRuns.Seed);
    }

    [Fact]
    public void Redacting_twice_changes_nothing_more()
    {
        Gen.String.Sample(text =>
        {
            var once = SecretUrlRedactor.Redact(text);
            Assert.Equal(once, SecretUrlRedactor.Redact(once));
        }, iter: PropertyRuns.Iterations(2_000), seed: PropertyRuns.Seed);
    }
}
