using System.Security.Cryptography;
using SkinBot.Core.Feedback;

namespace SkinBot.Core.Tests.Feedback;

public sealed class KeyedUserHasherTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void The_hash_never_equals_or_contains_the_raw_id()
    {
        var hasher = new KeyedUserHasher(Key);
        foreach (var id in new[] { "123456789012345678", "29:1a2b3c-teams-user", "web-visitor-1" })
        {
            var hash = hasher.Hash("discord", id).Value;
            Assert.NotEqual(id, hash);
            Assert.DoesNotContain(id, hash, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(64, hash.Length);
        }
    }

    [Fact]
    public void The_same_person_hashes_the_same_and_different_people_or_platforms_differently()
    {
        var hasher = new KeyedUserHasher(Key);
        Assert.Equal(hasher.Hash("discord", "42"), hasher.Hash("discord", "42"));
        Assert.NotEqual(hasher.Hash("discord", "42"), hasher.Hash("discord", "43"));
        Assert.NotEqual(hasher.Hash("discord", "42"), hasher.Hash("teams", "42"));
    }

    [Fact]
    public void Another_key_gives_another_hash_so_a_stolen_database_names_nobody()
    {
        var one = new KeyedUserHasher(Key).Hash("web", "visitor");
        var other = new KeyedUserHasher(RandomNumberGenerator.GetBytes(32)).Hash("web", "visitor");
        Assert.NotEqual(one, other);
    }

    [Fact]
    public void A_short_key_is_refused() =>
        Assert.Throws<ArgumentException>(() => new KeyedUserHasher(new byte[16]));
}
