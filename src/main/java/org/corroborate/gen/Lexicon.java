package org.corroborate.gen;

/**
 * Word lists and sentence frames shared by every event kind: event-specific facts, background
 * sentences over the synthetic {@link Vocabulary}, generic sentences, outlets and their boilerplate.
 * Names, places and organisations come from {@link Vocabulary}, not from lists.
 */
final class Lexicon {

  private Lexicon() {}

  /**
   * Event-specific facts, one sentence frame each. Slots bound once per event fact: {@code <p>} a
   * person of the event ({@code <p.last>}, {@code <p.role>}), {@code <p2>} another, {@code <o>} an
   * organisation, {@code <pl>} a nearby place, {@code <w1> <w2> <w3>} the event's own words,
   * {@code <a>} an adjective, {@code <v>} a verb, {@code <d>} an earlier date, {@code <n> <n2>}
   * numbers, {@code <money>}; the event's slots ({@code <city>}, {@code <topic>} ...) too.
   */
  static final String[] EVENT_FACTS = {
    "<p>, <p.role>, said the <w1> {at|near|in} <pl> {had been|was} <v> {before|shortly after} <topic>.",
    "{About|Around|Some|More than} <n> <w1>s in <pl> {were|had been} <v>, {according to|said} <o>.",
    "The <a> <w1> {operated by|run by|belonging to} <o> {was|had been} {at the centre of|closely tied to} {the events|<topic>} {in <pl>|near <city>}.",
    "<o> {said|confirmed|announced} on <day> that it {would|had decided to} {suspend|review|expand} its <w2> {programme|operations|plans} in <pl>.",
    "{Records|Documents} {seen by|obtained by} {reporters|local media} show that <o> {paid|spent|received} <money> for the <w2> {in <d>|last year|since <d>}.",
    "<p.last> {first|had} {raised concerns|warned} about the <w1> {on|back in} <d>, {records show|colleagues said|according to <o>}.",
    "{Residents|People living} {in|near} <pl> {described|recalled} {a|the} <a> <w3> {shortly before|just after} <topic>.",
    "The <w3> {near|outside} <pl>, {a|the} {site|building|area} {known for its|famous for its} <a> <w1>, {remained|was} {closed|cordoned off} on <day>.",
    "{A|The} {report|assessment} by <o> {put|estimated} the {number|total} at <n>, {up from|compared with} <n2> {a year earlier|in <d>}.",
    "<p> {and|together with} <p2> {led|were leading} the <w1> {effort|work|response} {in <pl>|from <pl>}.",
    "The <w2> {was|had been} <v> {two|several|four} {days|weeks} {earlier|before}, on <d>, {according to|said} <p.last>.",
    "{Officials|Police|Local authorities} {in <pl>|in <city>} {named|identified} <p> as {the|a} <w3> {involved|at the centre of the case}.",
    "<o> {has|had} {long|repeatedly} {been criticised|come under pressure} over its <a> <w1> {in <pl>|across <country>}.",
    "{At least|Nearly|Almost} <n> {people|households|families} {in|around} <pl> {depend on|rely on|work in} the <w2>, {<o> said|figures from <o> show}.",
    "The {cost|bill} of {the <w1>|repairing the <w3>} {could reach|was put at|may exceed} <money>, {<p.last> said|according to <o>|estimates show}.",
    "<p.last>, {who|whose <w2>} {has worked|had lived} in <pl> {since <d>|for years}, {said|told reporters} the <w1> {was|had been} <v>.",
    "{Local|Regional} {newspapers|broadcasters} in <pl> {reported|said} that the <a> <w3> had been <v> {twice|several times} {since <d>|this year}.",
    "{Talks|A meeting} between <o> and {officials|representatives} from <pl> {is|was} {planned|scheduled} for {<day>|next week}, <p.last> said.",
    "{Footage|Photos} {shared|posted} {online|on social media} {showed|appeared to show} the <w1> {near|at} <pl> {on <day>|shortly after <topic>}.",
    "{Under|According to} {a|the} <a> {agreement|plan} {signed|agreed} on <d>, <o> {is responsible for|manages} the <w2> {in|around} <pl>.",
    "<p2>, {a neighbour|a colleague|a relative} of <p.last>, {said|told local media} the <w3> {had|was} {never|not} <v> {before|until now}.",
    "{Data|Figures} from <o> {show|suggest} <n> <w1>s {across|in} <pl> {and|as well as} <n2> {elsewhere|in neighbouring areas}.",
  };

  /** Quotations of an event's own people; slots as in {@link #EVENT_FACTS}. */
  static final String[] EVENT_QUOTES = {
    "We {never expected|did not think} the <w1> {in|at} <pl> {would|could} be <v> like this",
    "{Everyone|People} here {knows|knew} about the <w2>, {and|but} <o> {did nothing|ignored every warning}",
    "The <a> <w1> is {the real question|what matters now}, {not|and not} the {numbers|headlines}",
    "{We have|I have} {asked|told} <o> {again and again|many times} to {look at|deal with} the <w3>",
    "{Nobody|No one} in <pl> {will|can} forget {this day|what happened to the <w2>}",
  };

  /** The role of an event's own person: {@code <o>} organisation, {@code <pl>} place, {@code <w>} word. */
  static final String EVENT_PERSON_ROLE = "{a spokesperson for <o>|a director at <o>|the head of <o>|a lawyer for <o>"
      + "|a manager at <o>|a resident of <pl>|a teacher in <pl>|the mayor of <pl>|a councillor in <pl>"
      + "|an expert on <w> at the University of <city>|a <w> specialist|a volunteer in <pl>}";

  /** What an event's organisations are: a stem and one of these. */
  static final String EVENT_ORG_KINDS = """
      Group Institute Foundation Council Authority Partners Association Agency Company Trust Bank
      Services Cooperative Hospital University Holdings Commission Network
      """;

  /**
   * Background sentences from the wider vocabulary: each slot draws a fresh word with Zipf
   * frequencies ({@code <bn>} noun, {@code <ba>} adjective, {@code <bv>} verb, {@code <bd>} adverb,
   * {@code <bp>} person, {@code <bpl>} place, {@code <bo>} organisation, {@code <bnum>} number), so
   * that articles carry the long tail of rare terms real news has. The event's slots work too.
   */
  static final String[] BACKGROUND = {
    "The <ba> <bn> {in|near|outside} <bpl> {has|had} <bv> the <bn> of {the|its} <bn>, {according to|said} <bp>.",
    "{Last year|In recent years|Earlier this year}, <bo> <bv> {a|the} <ba> <bn> {in|across} <bpl>, {a move|a decision} {critics|supporters} {called|described as} <ba>.",
    "{Many|Some|Several} <bn>s in <country> {are|were} {still|already} <bv> by the <ba> <bn> {and|or} the <bn>.",
    "<bp>, {who|whose <bn>} {runs|leads} <bo>, {said|noted} that the <bn> {had|has} {become|grown} <bd> <ba>.",
    "The <bn> {is|was} {one of|among} the {most|least} <ba> <bn>s {in|of} <bpl>, {with|at} <bnum> {<bn>s|members|visitors} {a year|last season}.",
    "{In|Around} <bpl>, the <bn> {and|or} the <ba> <bn> {have|had} <bd> <bv> {the local economy|daily life|the <bn>}.",
    "{Critics|Supporters|Economists} {say|argue} {that|} the <ba> <bn> {could|might|will} <bd> {change|affect|shape} the <bn> {of|in} <bpl>.",
    "<bo> {reported|recorded} <bnum> <bn>s {in|during} {the first quarter|the last year|the previous season}, {up|down} from <bnum>.",
    "{The|A} <ba> <bn> {near|in} <bpl> {was|had been} <bv> {in|after} {the 1990s|the war|the last election|a dispute with <bo>}.",
    "{Visitors|Residents|Traders} {in|from} <bpl> {often|still|usually} {bring|buy|sell} <bn> {and|or} <bn> {at|near} the <ba> <bn>.",
    "{According to|Figures from} <bo>, the <bn> {sector|industry|market} {employs|supports} {about|some} <bnum> people {in|around} <bpl>.",
    "<bp> {wrote|argued|said} {in|on} <bo>'s {website|report|newsletter} that the <bn> {was|had been} <bd> <bv>.",
    "{Plans|Proposals} {for|to build} {a|the} <ba> <bn> {in|at} <bpl> {were|had been} <bv> {by <bo>|after objections from <bp>}.",
    "The {region|district|area} {around|near} <bpl> {is|has long been} {known for|famous for} its <ba> <bn> {and|as well as} its <bn>.",
    "{Since|After} <bp> {took over|became head of} <bo>, the {group|company|body} has <bv> {its|the} <ba> <bn>.",
    "{A|One} <ba> <bn> {in|from} <bpl>, <bp>, {said|added} {that|} the <bn> {remained|was still} <ba>.",
  };

  static final String[] WEEKDAYS = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"
  };

  static final String[] MONTHS = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"
  };

  /** Outlet names: an adjective and a masthead noun; the host is both, lowercased, + ".example". */
  static final String[] OUTLET_ADJECTIVES = split("""
      Daily Morning Evening Metro National Coastal Valley Northern Southern Eastern Western Capital
      Harbour Union Central Highland Lakeside Riverside Frontier Continental
      """);

  static final String[] OUTLET_NOUNS = split("""
      Herald Tribune Gazette Courier Post Times Chronicle Observer Ledger Sentinel Dispatch Record
      Journal Star Bulletin Examiner Telegraph Monitor Standard Express Mirror Argus Beacon Register
      """);

  /** Boilerplate lines an outlet repeats under many of its articles; {@code <outlet>} is its name. */
  static final String[] BOILERPLATE = {
    "Follow <outlet> on social media for the latest updates.",
    "Sign up for the <outlet> morning newsletter to get the day's top stories in your inbox.",
    "Copyright <year> <outlet>. All rights reserved. This material may not be republished without permission.",
    "Have a news tip? Contact the <outlet> newsroom at <host>/tips.",
    "Support independent journalism: subscribe to <outlet> today.",
    "This article was amended on publication to include additional reporting.",
    "Read more: the latest news and analysis from <outlet>.",
    "Download the <outlet> app for breaking news alerts.",
    "<outlet> welcomes corrections; write to the standards editor at <host>/corrections.",
    "Listen to the <outlet> daily podcast wherever you get your podcasts.",
  };

  /** Lines that republishers put at the end of a copied wire story. */
  static final String[] COPY_FOOTERS = {
    "Follow us on social media for more stories like this.",
    "Additional reporting by staff writers.",
    "This story has been updated with new information.",
    "Reporting by wire staff; editing by the news desk.",
    "Follow us on <outlet> channels for breaking news.",
    "The article has been republished with permission.",
  };

  /** Words a republisher changes here and there (both directions are used). */
  static final String[][] COPY_SWAPS = {
    {"said", "stated"}, {"about", "around"}, {"officials", "authorities"}, {"people", "residents"},
    {"centre", "center"}, {"nearly", "almost"}, {"began", "started"}, {"big", "large"},
    {"also", "additionally"}, {"told", "informed"}, {"expected", "likely"}, {"several", "a number of"},
    {"while", "whilst"}, {"though", "although"}, {"help", "assist"}, {"show", "indicate"},
  };

  /**
   * Sentences that fit any event kind. Slots: {@code <topic>} (the event named by a noun phrase),
   * {@code <city>}, {@code <country>}, {@code <day>}, {@code <date>}.
   */
  static final String[] GENERIC = {
    "{Officials|Authorities} in <city> said {more details|further information} would be released {later in the day|in the coming days|at a briefing on <day>}.",
    "{It was not immediately clear|It remained unclear} {how|whether} <topic> would affect {daily life|local businesses|public services} in <city> {over the coming weeks|in the longer term}.",
    "{The news|Word of <topic>} spread quickly on social media, where {residents|users} shared {photos|videos|messages} {from the scene|throughout the day}.",
    "{Local|Regional} media in <country> {described|called} <topic> {one of the most significant|among the most closely watched} {events|developments} of the year.",
    "{Neighbouring governments|Foreign embassies|International observers} said they were {following|monitoring} {the situation|developments} {closely|carefully}.",
    "{The story|The issue} has {dominated|led} {headlines|front pages} in <country> {since <day>|all week|for several days}.",
    "{Opposition politicians|Critics} {called for|demanded} {an independent review|a full inquiry|greater transparency} {into <topic>|after <topic>}.",
    "{Analysts|Observers} said <topic> {could have|was likely to have} {lasting|far-reaching|significant} {consequences|effects} {for <country>|for the wider region}.",
    "{A spokesperson|A spokeswoman|A spokesman} for the {government|interior ministry|prime minister's office} {declined to comment|did not respond to requests for comment} {on <topic>|on Thursday|on <day>}.",
    "{The|This} {week|month} has {already|also} seen {heavy|unusual} {traffic|pressure} on {emergency lines|public services|local authorities} in <city>.",
    "{Many|Some} residents of <city> said they {had not expected|were surprised by|were still coming to terms with} <topic>.",
    "{Schools|Several shops|Some offices} in {central|parts of} <city> {remained closed|opened late|stayed shut} on <day> {as a precaution|amid the uncertainty}.",
    "{Reporters|Journalists} {gathered|waited} {outside|near} {the main government building|city hall|the headquarters} in <city> {for much of <day>|into the evening}.",
    "{Markets|Investors} in <country> {reacted cautiously|showed little reaction|were unsettled} {to the news|as details emerged}.",
    "<topic> {comes|came} at a {sensitive|difficult|busy} time for <country>, which {is preparing for|faces} {a budget debate|a series of local votes|a slowing economy}.",
    "{Television footage|Images broadcast by local channels} showed {crowds|people|officials} {gathered|standing} {in the streets|outside} of <city>.",
    "{More information|Further updates} {is|are} expected {once officials have assessed the situation|after a meeting of senior officials|later this week}.",
    "{Community groups|Charities|Volunteers} in <city> {offered|organised} {support|food and shelter|help} for those {affected|most affected}.",
    "The last time <country> saw {anything similar|a comparable event} was {more than a decade ago|in the early 2000s|several years ago}, {according to historians|local records show|officials said}.",
    "{Questions remain|There are still questions} about {how officials handled|the response to|the timing of} <topic>.",
    "{In|Across} <city>, {conversations|discussions} on {buses|cafe terraces|radio phone-ins} {turned to|were dominated by} <topic>.",
    "{A government source|One senior official}, {speaking on condition of anonymity|who asked not to be named}, said {the coming days would be critical|lessons would have to be learned|a decision could come quickly}.",
    "{The mayor of <city>|City officials} {urged|asked} {residents|people} to {stay calm|follow official guidance|avoid spreading rumours}.",
    "{Newspapers|Commentators} in <country> {were divided|disagreed} over {what <topic> means|the significance of <topic>} for the {country|government}.",
    "{Details|Many details} of <topic> {could not be independently verified|were still emerging} on <day>.",
    "{Weather|Road|Rail} conditions {in and around|near} <city> {were reported to be normal|added to the difficulties} on <day>.",
    "<topic> {was discussed|came up} {at a cabinet meeting|in parliament|at a press conference} in <country> on <day>.",
    "{Experts|Academics} {cautioned|warned} against {drawing quick conclusions|reading too much into early figures} {about <topic>|so soon}.",
  };

  /** Ways to report a quotation: {@code <q>} is the quote, {@code <who>} the speaker, {@code <title>}. */
  static final String[] QUOTE_FRAMES = {
    "\"<q>,\" {said|says} <who>, <title>.",
    "<who>, <title>, said: \"<q>.\"",
    "\"<q>,\" <who> {told reporters|told a news conference|said in a statement|told local radio}.",
    "{Speaking to reporters|In a statement|In an interview}, <who>, <title>, said: \"<q>.\"",
  };

  /** Closing sentences. */
  static final String[] CLOSINGS = {
    "{The situation|The story} {is developing|remains fluid} and {this article|this report} {will be updated|may be updated}.",
    "{Further|More} {details|updates} {are expected|will follow} {later|in the coming days}.",
    "{Officials|Authorities} {were due to|will} {give another update|hold a further briefing} on {<day>|the following day}.",
    "{It is|This is} {not the first time|the latest in a series of events} {that has drawn attention to|to focus attention on} <city>.",
  };

  static String[] split(String text) {
    return text.trim().split("\\s+");
  }

}
