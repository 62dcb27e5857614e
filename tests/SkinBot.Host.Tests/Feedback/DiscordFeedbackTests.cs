using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NSec.Cryptography;
using SkinBot.Core.Feedback;
using SkinBot.Host.Feedback;
using SkinBot.Host.Tests.Operations;

namespace SkinBot.Host.Tests.Feedback;

/// <summary>
/// Votes, the 👎 reason form, <c>/skinbot privacy</c> and <c>/skinbot forget</c> on the real host (real engine, corpus
/// and feedback store), through its Discord interactions endpoint as Discord sends them: signed, one at a time.
/// </summary>
public sealed class DiscordFeedbackTests : IAsyncLifetime
{
    private const string ApplicationId = "910000000000000001";
    private const string ChannelId = "920000000000000001";

    // Unique to this test class: forget deletes every vote of the person, and the feedback database is shared by the process.
    private readonly string _user = (930000000000000000L + Random.Shared.NextInt64(1, 999_999_999)).ToString(System.Globalization.CultureInfo.InvariantCulture);
    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
    private RealHost _host = null!;
    private long _nextId = 940000000000000000L;

    public async Task InitializeAsync() => _host = await RealHost.StartAsync(
        "--Discord:PublicKey=" + Convert.ToHexStringLower(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey)),
        "--Discord:ApplicationId=" + ApplicationId,
        "--Discord:InteractionAnswerBudget=00:00:02");

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _key.Dispose();
    }

    [Fact]
    public async Task A_person_votes_gives_a_reason_changes_their_mind_reads_privacy_and_forgets_it_all()
    {
        var answer = await PostAsync(Command("ask", new { name = "question", type = 3, value = "what are boxcar scars?" }));
        var answerId = VoteButtons(answer).Down!.Split(':')[2];

        var form = await PostAsync(Component(VoteButtons(answer).Down!));
        var down = await PostAsync(ModalSubmit("fbr:" + answerId, "wrong"));
        var up = await PostAsync(Component(VoteButtons(answer).Up!));
        var again = await PostAsync(Component(VoteButtons(answer).Up!));
        var privacy = await PostAsync(Command("skinbot", new { name = "privacy", type = 1 }));

        Assert.Equal(9, form.GetProperty("type").GetInt32());
        Assert.Equal(FeedbackTexts.ThanksDown, Said(down));
        Assert.Equal(FeedbackTexts.ChangedToUp, Said(up));
        Assert.Equal(FeedbackTexts.AlreadyUp, Said(again));
        Assert.All(new[] { down, up, again, privacy }, reply => Assert.Equal(64, reply.GetProperty("data").GetProperty("flags").GetInt32()));
        Assert.Contains("keyed hash", privacy.GetProperty("data").GetProperty("embeds")[0].GetRawText(), StringComparison.Ordinal);

        var store = _host.Services.GetRequiredService<IFeedbackStore>();
        var user = _host.Services.GetRequiredService<KeyedUserHasher>().Hash("discord", _user);
        await _host.Services.GetRequiredService<FeedbackWriter>().FlushAsync(CancellationToken.None);
        Assert.True(AnswerId.TryParse(answerId, out var id));
        Assert.Equal(Vote.Up, await store.FindVoteAsync(id.Value, user, CancellationToken.None));

        var forget = await PostAsync(Command("skinbot", new { name = "forget", type = 1 }));

        Assert.Equal(64, forget.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Null(await store.FindVoteAsync(id.Value, user, CancellationToken.None));
        var afterForget = await PostAsync(Component(VoteButtons(answer).Up!));
        Assert.Equal(FeedbackTexts.ThanksUp, Said(afterForget));
    }

    private static string? Said(JsonElement reply) => reply.GetProperty("data").GetProperty("content").GetString();

    private static (string? Up, string? Down) VoteButtons(JsonElement answer)
    {
        var ids = answer.GetProperty("data").GetProperty("components").EnumerateArray()
            .SelectMany(row => row.GetProperty("components").EnumerateArray())
            .Select(button => button.GetProperty("custom_id").GetString()!)
            .ToList();
        return (ids.SingleOrDefault(id => id.StartsWith("fb:up:", StringComparison.Ordinal)), ids.SingleOrDefault(id => id.StartsWith("fb:down:", StringComparison.Ordinal)));
    }

    private Dictionary<string, object?> Command(string name, object option) =>
        Interaction(2, new { id = "950000000000000001", name, type = 1, options = new[] { option } });

    private Dictionary<string, object?> Component(string customId) =>
        Interaction(3, new { custom_id = customId, component_type = 2 });

    private Dictionary<string, object?> ModalSubmit(string customId, string reason) =>
        Interaction(5, new { custom_id = customId, components = new[] { new { type = 18, id = 1, component = new { type = 3, id = 2, custom_id = "reason", values = new[] { reason } } } } });

    private Dictionary<string, object?> Interaction(int type, object data) => new()
    {
        ["id"] = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["application_id"] = ApplicationId,
        ["type"] = type,
        ["token"] = "interaction-token",
        ["version"] = 1,
        ["channel_id"] = ChannelId,
        ["channel"] = new { id = ChannelId, type = 1 },
        ["user"] = new { id = _user, username = "ana" },
        ["data"] = data,
    };

    private async Task<JsonElement> PostAsync(object payload)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(payload);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = SignatureAlgorithm.Ed25519.Sign(_key, [.. Encoding.UTF8.GetBytes(timestamp), .. body]);
        using var request = new HttpRequestMessage(HttpMethod.Post, "discord/interactions")
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        request.Headers.Add("X-Signature-Ed25519", Convert.ToHexStringLower(signature));
        using var response = await _host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
