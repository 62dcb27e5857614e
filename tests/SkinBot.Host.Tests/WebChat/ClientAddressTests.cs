using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using SkinBot.Host.WebChat;

namespace SkinBot.Host.Tests.WebChat;

/// <summary>Which address a web chat request counts as, with and without trusted proxies in front.</summary>
public sealed class ClientAddressTests
{
    [Theory]
    // No trusted proxy: the socket's peer, whatever the headers say.
    [InlineData("198.51.100.7", "", "203.0.113.1", "198.51.100.7")]
    // A peer that is not one of the trusted proxies cannot name another address.
    [InlineData("198.51.100.7", "10.0.0.0/8", "203.0.113.1", "198.51.100.7")]
    // One trusted proxy: the address it appended.
    [InlineData("10.0.0.2", "10.0.0.0/8", "203.0.113.1", "203.0.113.1")]
    // Two trusted proxies: past both, to the first address that is not a proxy; what the client wrote further left is never read.
    [InlineData("10.0.0.2", "10.0.0.0/8", "192.0.2.66, 203.0.113.1, 10.0.0.9", "203.0.113.1")]
    // A proxy named by a single address.
    [InlineData("10.0.0.2", "10.0.0.2", "203.0.113.1", "203.0.113.1")]
    // Ports and IPv6 spellings.
    [InlineData("10.0.0.2", "10.0.0.0/8", "203.0.113.1:4711", "203.0.113.1")]
    [InlineData("10.0.0.2", "10.0.0.0/8", "[2001:db8::1]:4711", "2001:db8::1")]
    [InlineData("10.0.0.2", "10.0.0.0/8", "2001:db8::1", "2001:db8::1")]
    // Garbage, or nothing at all, from the trusted proxy: the proxy itself is the best anyone knows.
    [InlineData("10.0.0.2", "10.0.0.0/8", "unknown", "10.0.0.2")]
    [InlineData("10.0.0.2", "10.0.0.0/8", "", "10.0.0.2")]
    [InlineData("10.0.0.2", "10.0.0.0/8", "203.0.113.1, <script>", "10.0.0.2")]
    // Only proxies in the chain: the leftmost one.
    [InlineData("10.0.0.2", "10.0.0.0/8", "10.0.0.5, 10.0.0.9", "10.0.0.5")]
    // An IPv4 peer of a dual-stack socket is the same address as the IPv4 proxy.
    [InlineData("::ffff:10.0.0.2", "10.0.0.0/8", "203.0.113.1", "203.0.113.1")]
    public void X_Forwarded_For_is_followed_only_through_trusted_proxies(string peer, string trusted, string header, string expected)
    {
        var resolved = Resolve(peer, trusted, ForwardedHeaderKind.XForwardedFor, "X-Forwarded-For", header);

        Assert.Equal(IPAddress.Parse(expected), resolved);
    }

    [Theory]
    [InlineData("for=203.0.113.1;proto=https", "203.0.113.1")]
    [InlineData("for=192.0.2.66, for=\"203.0.113.1:4711\";by=10.0.0.2", "203.0.113.1")]
    [InlineData("For=\"[2001:db8:cafe::17]:4711\"", "2001:db8:cafe::17")]
    [InlineData("for=_hidden", "10.0.0.2")]
    [InlineData("proto=https", "10.0.0.2")]
    public void The_standard_Forwarded_header_is_read_when_configured(string header, string expected)
    {
        var resolved = Resolve("10.0.0.2", "10.0.0.0/8", ForwardedHeaderKind.Forwarded, "Forwarded", header);

        Assert.Equal(IPAddress.Parse(expected), resolved);
    }

    [Fact]
    public void Only_the_configured_header_is_read_so_a_client_cannot_add_the_other_one()
    {
        var context = Context("10.0.0.2");
        context.Request.Headers["X-Forwarded-For"] = "203.0.113.1";
        context.Request.Headers["Forwarded"] = "for=192.0.2.66";

        var resolved = Resolver("10.0.0.0/8", ForwardedHeaderKind.XForwardedFor).Resolve(context);

        Assert.Equal(IPAddress.Parse("203.0.113.1"), resolved);
    }

    [Fact]
    public void A_request_without_a_peer_address_has_no_client_address()
    {
        Assert.Null(Resolver("10.0.0.0/8", ForwardedHeaderKind.XForwardedFor).Resolve(new DefaultHttpContext()));
    }

    [Fact]
    public void A_forwarding_chain_of_thousands_of_proxies_is_not_followed_to_its_end()
    {
        var context = Context("10.0.0.2");
        context.Request.Headers["X-Forwarded-For"] = "203.0.113.1, " + string.Join(", ", Enumerable.Repeat("10.0.0.3", 5000));

        var resolved = Resolver("10.0.0.0/8", ForwardedHeaderKind.XForwardedFor).Resolve(context);

        Assert.Equal(IPAddress.Parse("10.0.0.3"), resolved);
    }

    private static IPAddress? Resolve(string peer, string trusted, ForwardedHeaderKind kind, string headerName, string header)
    {
        var context = Context(peer);
        if (header.Length > 0)
        {
            context.Request.Headers[headerName] = header;
        }

        return Resolver(trusted, kind).Resolve(context);
    }

    private static DefaultHttpContext Context(string peer)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
        return context;
    }

    private static ClientAddress Resolver(string trusted, ForwardedHeaderKind kind)
    {
        var options = new WebChatOptions { ForwardedHeader = kind };
        foreach (var entry in trusted.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            options.TrustedProxies.Add(entry);
        }

        var wrapped = Options.Create(options);
        return new ClientAddress(new TrustedProxies(wrapped), wrapped);
    }
}
