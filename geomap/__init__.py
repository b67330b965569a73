"""geomap: news reports of a conflict to a map of who claims to control what."""
from .actors import Actor, Actors, load_actors
from .articles import Article, load_article, read_articles
from .assess import PlaceReport, assess, status_of
from .claims import Claim, extract_claims
from .errors import (
    ActorsError, ArticleError, GazetteerError, GeomapError, MissingDependencyError, OptionError, OutputError, Problem,
)
from .explain import Explanation, SentenceExplanation, explain_article
from .gazetteer import Gazetteer, Place, check_gazetteer, load_gazetteer
from .curation import Unmatched
from .pipeline import Analysis, BuildResult, analyse, build_map, find_places
from .resolve import Mention, find_mentions
from .timeline import Change, Edition, edition_of

__all__ = [
    "Actor", "Actors", "ActorsError", "Analysis", "Article", "ArticleError", "BuildResult", "Change", "Claim", "Edition",
    "Explanation", "Gazetteer", "GazetteerError", "GeomapError", "Mention", "MissingDependencyError", "OptionError",
    "OutputError", "Place", "PlaceReport", "Problem", "SentenceExplanation", "Unmatched", "analyse", "assess",
    "build_map", "check_gazetteer", "edition_of", "explain_article", "extract_claims", "find_mentions", "find_places",
    "load_actors", "load_article", "load_gazetteer", "read_articles", "status_of",
]
__version__ = "0.1.0"
