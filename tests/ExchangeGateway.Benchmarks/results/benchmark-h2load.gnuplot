$d1024_direct << EOD
1 4596.333 0.466
16 13303.333 2.276
64 20240 6.022
EOD
$d1024_proxy_pair << EOD
1 1406.667 1.519
16 3080 9.173
64 3827 32.537
EOD
$d1024_relay_pair << EOD
1 667.333 3.222
16 4124.333 7.242
64 5121 23.339
EOD
$d1024_gateway_pair << EOD
1 141 12.9
16 799.667 33.313
64 1370.333 81.817
EOD
$d65536_direct << EOD
1 728.333 2.539
16 1186.333 21.017
64 1266.113 86.249
EOD
$d65536_proxy_pair << EOD
1 406 5.28
16 728 40.172
64 771 301.111
EOD
$d65536_relay_pair << EOD
1 287.333 6.501
16 551.667 47.718
64 558 171.469
EOD
$d65536_gateway_pair << EOD
1 93.333 17.841
16 298.671 83.529
64 346 263.619
EOD
$d1048576_direct << EOD
1 61.794 28.605
16 96 259.344
64 77.409 1220.288
EOD
$d1048576_proxy_pair << EOD
1 41.333 37.149
16 67.774 320.351
64 64 1258.489
EOD
$d1048576_relay_pair << EOD
1 34.333 57.711
16 44.186 510.055
64 30.233 1715.895
EOD
$d1048576_gateway_pair << EOD
1 22.667 81.922
16 29 796.094
64 9 2895.373
EOD
set terminal pngcairo size 1200,1080 font 'sans,10'
set output 'tests/ExchangeGateway.Benchmarks/results/benchmark-h2load.png'
set multiplot layout 3,2 title 'ExchangeGateway benchmark, h2load (medians)'
set logscale x 2
set xrange [0.8:80]
set xtics (1, 16, 64)
set xlabel 'concurrent calls'
set grid
set key top left
set title 'throughput, 1 KiB'
set ylabel 'requests/s'
set logscale y
plot $d1024_direct using 1:2 with linespoints title 'direct', $d1024_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1024_relay_pair using 1:2 with linespoints title 'relay-pair', $d1024_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 KiB'
set ylabel 'ms'
plot $d1024_direct using 1:3 with linespoints title 'direct', $d1024_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1024_relay_pair using 1:3 with linespoints title 'relay-pair', $d1024_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 64 KiB'
set ylabel 'requests/s'
set logscale y
plot $d65536_direct using 1:2 with linespoints title 'direct', $d65536_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d65536_relay_pair using 1:2 with linespoints title 'relay-pair', $d65536_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 64 KiB'
set ylabel 'ms'
plot $d65536_direct using 1:3 with linespoints title 'direct', $d65536_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d65536_relay_pair using 1:3 with linespoints title 'relay-pair', $d65536_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 1 MiB'
set ylabel 'requests/s'
set logscale y
plot $d1048576_direct using 1:2 with linespoints title 'direct', $d1048576_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1048576_relay_pair using 1:2 with linespoints title 'relay-pair', $d1048576_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 MiB'
set ylabel 'ms'
plot $d1048576_direct using 1:3 with linespoints title 'direct', $d1048576_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1048576_relay_pair using 1:3 with linespoints title 'relay-pair', $d1048576_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
unset multiplot
