namespace Broadsheet.Accounts;

/// <summary>An admin API key. Only a SHA-256 hash of the secret is stored; the key itself is shown once.</summary>
public sealed class ApiKey
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Hash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
