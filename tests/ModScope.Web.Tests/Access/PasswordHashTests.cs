using Microsoft.AspNetCore.Identity;
using ModScope.Web.Access;

namespace ModScope.Web.Tests.Access;

/// <summary>PBKDF2-HMAC-SHA256 password hashes: 600,000 iterations for new ones; older ones verify and ask for a rehash.</summary>
public sealed class PasswordHashTests
{
    [Fact]
    public void A_new_hash_takes_600000_iterations_and_verifies_only_its_password()
    {
        var hash = PasswordHash.Create("correct horse");

        Assert.StartsWith("pbkdf2$600000$", hash, StringComparison.Ordinal);
        Assert.True(PasswordHash.IsWellFormed(hash, out var iterations));
        Assert.Equal(600_000, iterations);
        Assert.Equal(PasswordVerificationResult.Success, PasswordHash.Verify("correct horse", hash));
        Assert.Equal(PasswordVerificationResult.Failed, PasswordHash.Verify("correct horse ", hash));
    }

    [Theory]
    // Published PBKDF2-HMAC-SHA256 test vectors for P = "password", S = "salt", dkLen = 32.
    [InlineData(1, "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b")]
    [InlineData(2, "ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43")]
    [InlineData(4096, "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a")]
    public void An_older_hash_of_fewer_iterations_still_verifies_and_is_flagged_for_rehash(int iterations, string derivedHex)
    {
        var stored = $"pbkdf2${iterations}${Convert.ToBase64String("salt"u8.ToArray())}${Convert.ToBase64String(Convert.FromHexString(derivedHex))}";

        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, PasswordHash.Verify("password", stored));
        Assert.Equal(PasswordVerificationResult.Failed, PasswordHash.Verify("Password", stored));
    }

    [Theory]
    [InlineData("")]
    [InlineData("pbkdf2$100000$c2FsdA==")]
    [InlineData("bcrypt$100000$c2FsdA==$c2FsdA==")]
    [InlineData("pbkdf2$0$c2FsdA==$c2FsdA==")]
    [InlineData("pbkdf2$2147483647$c2FsdA==$c2FsdA==")]
    [InlineData("pbkdf2$-5$c2FsdA==$c2FsdA==")]
    [InlineData("pbkdf2$1000$not base64!$c2FsdA==")]
    public void A_malformed_or_absurd_hash_is_not_well_formed_and_never_verifies(string stored)
    {
        Assert.False(PasswordHash.IsWellFormed(stored, out _));
        Assert.Equal(PasswordVerificationResult.Failed, PasswordHash.Verify("salt", stored));
    }
}
