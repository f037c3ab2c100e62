namespace PartyPlatform.Organizations.Data;

/// <summary>
/// Gives the Party organisations that existed before codes did their codes, by the rules new ones
/// follow (<see cref="PartyOrganizations.PartyOrganizationCode"/>): a unit's own organisation its
/// unit's division code (the oldest one, should a unit have two), every other a number under its
/// unit's or nearest coded ancestor's code and its kind letter, oldest first; and sets each counter
/// to the last number handed out. Run by the migration that adds the codes, between adding the
/// column and its unique index.
/// </summary>
public static class PartyOrganizationCodeBackfill
{
    public const string Sql = """
        UPDATE party_organizations o SET code = u.code
        FROM administrative_units u
        WHERE o.unit_id = u.id AND u.code IS NOT NULL AND o.kind IN ('Village', 'Community')
          AND NOT EXISTS (
            SELECT 1 FROM party_organizations older
            WHERE older.unit_id = o.unit_id AND older.kind IN ('Village', 'Community') AND older.id < o.id);

        WITH pending AS (
            SELECT o.id,
                   coalesce(
                       (SELECT a.code FROM administrative_units a
                        WHERE a.code IS NOT NULL AND left(o.unit_path, length(a.path)) = a.path
                        ORDER BY length(a.path) DESC LIMIT 1),
                       '000000000000')
                   || CASE o.kind WHEN 'Village' THEN 'V' WHEN 'Community' THEN 'C' WHEN 'Enterprise' THEN 'E'
                                  WHEN 'SocialOrganization' THEN 'S' ELSE 'I' END AS prefix
            FROM party_organizations o
            WHERE o.code = ''),
        numbered AS (
            SELECT id, prefix, row_number() OVER (PARTITION BY prefix ORDER BY id) AS n FROM pending)
        UPDATE party_organizations o SET code = numbered.prefix || lpad(numbered.n::text, 3, '0')
        FROM numbered WHERE o.id = numbered.id;

        INSERT INTO party_organization_code_sequences (prefix, last)
        SELECT left(code, 13), max(right(code, 3)::int) FROM party_organizations WHERE length(code) = 16 GROUP BY left(code, 13);
        """;
}
