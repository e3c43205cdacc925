using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace WorkTrackr.Web.Infrastructure;

/// <summary>
/// The secrets in links the app hands out (calendar feed addresses, team invitations): 32 random bytes, URL-safe.
/// Only their SHA-256 is stored, so a leaked database leaks no working link.
/// </summary>
public static class SecretTokens
{
    public static string New() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    /// <summary>What is stored and looked up: the token's SHA-256, lower-case hex (64 characters).</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Tokens are 43 characters; anything much longer is not one, and is not hashed.</summary>
    public static bool IsPlausible(string? token) => !string.IsNullOrEmpty(token) && token.Length <= 100;
}
