// Gamma-Poisson with exposures, as Muster's gamma-poisson family builds it: rates with population mean mu and
// sd sigma, both exponential with mean the pooled rate.
data {
  int<lower=1> J;
  int<lower=0> n[J];
  vector<lower=0>[J] e;
  real<lower=0> pooled_rate;
}
parameters {
  real<lower=0> mu;
  real<lower=0> sigma;
  vector<lower=0>[J] lambda;
}
model {
  mu ~ exponential(1 / pooled_rate);
  sigma ~ exponential(1 / pooled_rate);
  lambda ~ gamma(square(mu / sigma), mu / square(sigma));
  n ~ poisson(e .* lambda);
}
