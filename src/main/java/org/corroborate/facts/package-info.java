/**
 * The facts stage: inside one story, statements (sentences and attributed quotations) are taken
 * from every article with offsets into its original text, compared across articles through an
 * inverted index of IDF-weighted content terms, and grouped by average link into fact groups. A fact
 * group is shared when two or more independent sources report it (copies and articles of one outlet
 * count once), unique when one source alone does, and a conflict when its statements disagree in a
 * number, date or name. {@link org.corroborate.facts.FactAligner} is the entry point; everything
 * here is plain Java on Strings and lists, so the Spark job calls it from a {@code flatMapGroups}
 * over story id and the tests need no Spark session.
 */
package org.corroborate.facts;
