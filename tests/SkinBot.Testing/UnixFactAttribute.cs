using Xunit;

namespace SkinBot.Testing;

/// <summary>A test that needs Unix filesystem objects (named pipes, symbolic links); skipped, with the reason, elsewhere.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (!HostileEntries.Supported)
        {
            Skip = "Named pipes and symbolic links as used here need Linux or macOS.";
        }
    }
}
