using System.Net;
using Microsoft.IdentityModel.Tokens;
using SkinBot.Teams.Auth;
using SkinBot.Teams.Tests.Fakes;

namespace SkinBot.Teams.Tests;

public sealed class SigningKeyTests
{
    [Fact]
    public void IdentityModel_keeps_the_jwks_endorsements_so_they_can_be_checked()
    {
        var jwks = new JsonWebKeySet($$"""{"keys":[{{TestKeys.Teams.ToJwk().ToJsonString()}}]}""");

        var endorsements = SigningKey.ReadEndorsements(jwks.Keys.Single());

        Assert.Equal(["msteams", "skype", "webchat"], endorsements.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_key_published_without_endorsements_has_none()
    {
        var jwks = new JsonWebKeySet($$"""{"keys":[{{TestKeys.Unendorsed.ToJwk().ToJsonString()}}]}""");

        Assert.Empty(SigningKey.ReadEndorsements(jwks.Keys.Single()));
    }

    [Fact]
    public async Task The_keys_are_fetched_once_and_cached_across_requests()
    {
        await using var host = await TeamsTestHost.StartAsync();

        for (var i = 0; i < 3; i++)
        {
            using var response = await host.PostAsync(TeamsPayloads.Personal(host.Connector.ServiceUrl, "prevent", $"17000000001{i}"));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        Assert.Equal(1, host.OpenId.MetadataFetches);
        Assert.Equal(1, host.OpenId.KeyFetches);
    }

    [Fact]
    public async Task A_rotated_key_is_accepted_after_one_refetch()
    {
        await using var host = await TeamsTestHost.StartAsync();
        using (var warmUp = await host.PostAsync(TeamsPayloads.Personal(host.Connector.ServiceUrl, "prevent", "1700000000201")))
        {
            Assert.Equal(HttpStatusCode.Accepted, warmUp.StatusCode);
        }

        host.OpenId.Publish(TestKeys.Rotated);
        var token = TokenMinter.Mint(TeamsTestHost.AppId, host.Connector.ServiceUrl, TestKeys.Rotated);
        using var response = await host.PostAsync(TeamsPayloads.Personal(host.Connector.ServiceUrl, "prevent", "1700000000202"), "Bearer " + token);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(2, host.OpenId.KeyFetches);
    }

    [Fact]
    public async Task Unknown_key_ids_trigger_at_most_one_refetch_per_interval()
    {
        await using var host = await TeamsTestHost.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            var token = TokenMinter.Mint(TeamsTestHost.AppId, host.Connector.ServiceUrl, TestKeys.Unpublished);
            using var response = await host.PostAsync(TeamsPayloads.Personal(host.Connector.ServiceUrl, "hi"), "Bearer " + token);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.Equal(2, host.OpenId.KeyFetches); // the first load, then one refetch; junk kids cannot hammer the channel
    }

    [Fact]
    public async Task An_unreachable_metadata_document_fails_closed_with_503()
    {
        await using var host = await TeamsTestHost.StartAsync(s => s["Teams:OpenIdMetadataUrl"] = "http://127.0.0.1:9/v1/.well-known/openidconfiguration");

        using var response = await host.PostAsync(TeamsPayloads.Personal(host.Connector.ServiceUrl, "hi"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Empty(host.Engine.Requests);
        Assert.Empty(host.Connector.Requests);
    }
}
