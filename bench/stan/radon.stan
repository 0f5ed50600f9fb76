// log_radon ~ floor + (1 + floor | county), gaussian, as Muster's glmm family builds it (and brms writes it):
// the predictor centered, the intercept sampled at its mean, each county's effects non-centered,
// r = diag(sd) L z with L the Cholesky factor of the correlation under lkj(1); priors as brms's defaults with
// rstanarm's autoscaled normal on the slope (the R driver computes the scales from the data as Muster does).
data {
  int<lower=1> N;
  int<lower=1> J;
  int<lower=1, upper=J> county[N];
  vector[N] floor_x;
  vector[N] y;
  real intercept_location;
  real<lower=0> scale;
  real<lower=0> slope_scale;
}
transformed data {
  real floor_mean = mean(floor_x);
  vector[N] centered = floor_x - floor_mean;
}
parameters {
  real Intercept;
  real b_floor;
  vector<lower=0>[2] sd_county;
  cholesky_factor_corr[2] L;
  matrix[2, J] z;
  real<lower=0> sigma;
}
transformed parameters {
  matrix[J, 2] r_county = (diag_pre_multiply(sd_county, L) * z)';
}
model {
  Intercept ~ student_t(3, intercept_location, scale);
  b_floor ~ normal(0, slope_scale);
  sd_county ~ student_t(3, 0, scale);
  L ~ lkj_corr_cholesky(1);
  to_vector(z) ~ std_normal();
  sigma ~ student_t(3, 0, scale);
  y ~ normal(Intercept + b_floor * centered + r_county[county, 1] + r_county[county, 2] .* floor_x, sigma);
}
generated quantities {
  real b_Intercept = Intercept - b_floor * floor_mean;
  real cor_county = multiply_lower_tri_self_transpose(L)[1, 2];
}
