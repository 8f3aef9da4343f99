package org.corroborate.gen;

import java.util.List;

/**
 * A news outlet of the generated corpus.
 *
 * @param host the source field and URL host, e.g. {@code dailyherald.example}
 * @param name display name, e.g. "Daily Herald"
 * @param boilerplate lines this outlet appends to many of its articles (may be empty)
 * @param boilerplateRate the share of its articles that carry the boilerplate
 */
record Outlet(String host, String name, List<String> boilerplate, double boilerplateRate) {}
